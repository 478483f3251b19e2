package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What shops and payers do in a scenario, seeded: create orders from concurrent shop threads (some
 * retried), pay about two thirds, refund a third of the paid ones (half in full, half in part; some refund
 * requests retried), close the unpaid; a disruption lasts while payers pay. At the end every
 * order must have settled, and the consistency check must find no difference.
 */
final class Scenario {

    /** The scenarios' seed ({@code -Dorderflow.scenario.seed}) and size ({@code -Dorderflow.scenario.orders}: 500 is the long run). */
    static final long SEED = Long.getLong("orderflow.scenario.seed", 20261201L);
    static final int ORDERS = Integer.getInteger("orderflow.scenario.orders", 24);
    private static final Duration WAIT = Duration.ofMinutes(3);

    private final OrderflowSystem system;
    private final ShopClient shop;
    private final long seed;
    private final int size;
    private Set<String> injected = Set.of();

    Scenario(OrderflowSystem system, ShopClient shop, long seed, int size) {
        this.system = system;
        this.shop = shop;
        this.seed = seed;
        this.size = size;
    }

    /** The anomaly or risk-alert kinds the scenario's faults cause: the check expects them, and only them. */
    Scenario injecting(String... kinds) {
        injected = Set.of(kinds);
        return this;
    }

    /** Runs the scenario with {@code down} before the payments and {@code up} after them. */
    ConsistencyCheck.Report run(String name, Runnable down, Runnable up) {
        Instant began = Instant.now();
        Random random = new Random(seed);
        long[] amounts = new long[size];
        for (int i = 0; i < size; i++) {
            amounts[i] = 100 + random.nextInt(9900);
        }
        Map<String, Long> orders = createConcurrently(amounts);
        List<String> paid = new ArrayList<>();
        List<String> unpaid = new ArrayList<>();
        orders.keySet().forEach(id -> (random.nextInt(3) > 0 ? paid : unpaid).add(id));
        // a payer can pay once the page has pay params; under WeChat faults the prepay may take longer than
        // the create's wait
        await().atMost(WAIT).untilAsserted(() -> assertThat(paid).allSatisfy(id -> assertThat(
                shop.order(id).path("pay_params").path("package").asString()).as(id).startsWith("prepay_id=")));
        down.run();
        paid.forEach(system::pay);
        up.run();
        awaitStatus(paid, "SUCCESS");
        List<String> refunded = paid.subList(0, paid.size() / 3);
        for (int i = 0; i < refunded.size(); i++) {
            // every other refund returns the whole amount, the rest a part of it; every third is sent twice
            String orderId = refunded.get(i);
            long total = orders.get(orderId);
            long amount = i % 2 == 0 ? total : 1 + random.nextInt((int) total - 1);
            String body = """
                    {"out_refund_no":"RF-%s","amount":{"refund":%d,"currency":"CNY"},"reason":"scenario"}"""
                    .formatted(orderId.substring(orderId.length() - 12), amount);
            for (int attempt = 0; attempt < (i % 3 == 0 ? 2 : 1); attempt++) {
                HttpResponse<String> refund = shop.post("/v1/orders/" + orderId + "/refunds", body);
                assertThat(refund.statusCode()).as(refund.body()).isEqualTo(202);
            }
        }
        for (String orderId : unpaid) {
            assertThat(shop.post("/v1/orders/" + orderId + "/close", "").statusCode()).isEqualTo(202);
        }
        awaitStatus(unpaid, "CLOSED");
        await().atMost(WAIT).untilAsserted(() -> assertThat(refunded).allSatisfy(id -> assertThat(
                shop.order(id).path("refunds").get(0).path("status").asString()).as(id).isEqualTo("SUCCESS")));

        ConsistencyCheck.Report report = ConsistencyCheck.run(system, shop, orders.keySet(), injected, began);
        System.out.printf("%n%s: seed %d, %d orders (%d paid, %d refunded, %d closed)%n%s", name, seed, orders.size(),
                paid.size(), refunded.size(), unpaid.size(), report.table());
        return report;
    }

    /**
     * Creates the orders from four shop threads at once; every fourth create is sent a second time, as a shop
     * retrying after a timeout would, and must return the same order. The result keeps the amounts' order.
     */
    private Map<String, Long> createConcurrently(long[] amounts) {
        ExecutorService shops = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < amounts.length; i++) {
                long fen = amounts[i];
                boolean retried = i % 4 == 0;
                created.add(shops.submit(() -> create(fen, retried)));
            }
            Map<String, Long> orders = new LinkedHashMap<>();
            for (int i = 0; i < amounts.length; i++) {
                orders.put(created.get(i).get(), amounts[i]);
            }
            return orders;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a create failed", e.getCause());
        } finally {
            shops.shutdownNow();
        }
    }

    private String create(long fen, boolean retried) {
        String body = """
                {"shop_order_no":"SC-%s","description":"scenario","amount":{"total":%d,"currency":"CNY"},
                 "payer":{"openid":"%s"}}""".formatted(UUID.randomUUID(), fen, ShopClient.newPayer());
        HttpResponse<String> created = shop.post("/v1/orders", body, "Prefer", "wait=10");
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        String orderId = ShopClient.JSON.readTree(created.body()).path("order_id").asString();
        if (retried) {
            HttpResponse<String> again = shop.post("/v1/orders", body, "Prefer", "wait=10");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(ShopClient.JSON.readTree(again.body()).path("order_id").asString()).isEqualTo(orderId);
        }
        return orderId;
    }

    private void awaitStatus(List<String> orderIds, String status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(orderIds)
                .allSatisfy(id -> assertThat(shop.order(id).path("status").asString()).as(id).isEqualTo(status)));
    }
}
