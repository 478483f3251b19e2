package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.systemtest.Disruption.Phase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What shops and payers do in a scenario, seeded: create orders from concurrent shop threads (some
 * retried), pay about two thirds, refund a third of the paid ones (half in full, half in part; some refund
 * requests retried), close the unpaid; a {@link Disruption} acts between the payments, refunds and closes. At
 * the end every order must have settled, and the consistency check must find no difference.
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
    private final Map<String, Integer> alerts = new LinkedHashMap<>();
    private boolean callbackRetries;
    private WebhookReceiver webhooks;
    private final List<String> paid = new ArrayList<>();

    Scenario(OrderflowSystem system, ShopClient shop, long seed, int size) {
        this.system = system;
        this.shop = shop;
        this.seed = seed;
        this.size = size;
    }

    /** An anomaly or risk-alert kind the scenario's faults cause, and how many events of it they must raise. */
    Scenario expecting(String kind, int times) {
        alerts.put(kind, times);
        return this;
    }

    /** The shop has a webhook endpoint (every type) at this receiver: the check compares its deliveries too. */
    Scenario deliveringWebhooksTo(WebhookReceiver receiver) {
        webhooks = receiver;
        return this;
    }

    /** The disruption makes notify-service fail some genuine callbacks, which WeChat then retries. */
    Scenario failingSomeCallbacks() {
        callbackRetries = true;
        return this;
    }

    /** Runs the scenario with {@code down} before the payments and {@code up} after them. */
    ConsistencyCheck.Report run(String name, Runnable down, Runnable up) {
        return run(name, Disruption.whilePayersPay(down, up));
    }

    ConsistencyCheck.Report run(String name, Disruption disruption) {
        Instant began = Instant.now();
        Random random = new Random(seed);
        long[] amounts = new long[size];
        for (int i = 0; i < size; i++) {
            amounts[i] = 100 + random.nextInt(9900);
        }
        Map<String, Long> orders = createConcurrently(amounts);
        List<String> unpaid = new ArrayList<>();
        orders.keySet().forEach(id -> (random.nextInt(3) > 0 ? paid : unpaid).add(id));
        // a payer can pay once the page has pay params; under WeChat faults the prepay may take longer than
        // the create's wait
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(paid)
                        .allSatisfy(id -> assertThat(shop.order(id)
                                        .path("pay_params")
                                        .path("package")
                                        .asString())
                                .as(id)
                                .startsWith("prepay_id=")));
        act(Phase.PAYMENTS, paid, disruption, system::pay);
        awaitStatus(paid, "SUCCESS");
        List<String> refunded = paid.subList(0, paid.size() / 3);
        act(
                Phase.REFUNDS,
                refunded,
                disruption,
                orderId -> refund(orderId, orders.get(orderId), random, refunded.indexOf(orderId)));
        act(
                Phase.CLOSES,
                unpaid,
                disruption,
                orderId -> shopCall(() -> shop.post("/v1/orders/" + orderId + "/close", ""), 202));
        awaitStatus(unpaid, "CLOSED");
        shop.awaitFirstRefundSucceeded(refunded, WAIT);

        ConsistencyCheck.Report report = ConsistencyCheck.run(
                system,
                shop,
                orders.keySet(),
                new ConsistencyCheck.Expectations(Map.copyOf(alerts), callbackRetries, began),
                webhooks);
        System.out.printf(
                "%n%s: seed %d, %d orders (%d paid, %d refunded, %d closed)%n%s",
                name, seed, orders.size(), paid.size(), refunded.size(), unpaid.size(), report.table());
        return report;
    }

    /** The orders the payers paid, once {@link #run} has run. */
    List<String> paid() {
        return List.copyOf(paid);
    }

    private static void act(
            Phase phase, List<String> orderIds, Disruption disruption, java.util.function.Consumer<String> action) {
        for (int i = 0; i < orderIds.size(); i++) {
            disruption.before(phase, i, orderIds);
            action.accept(orderIds.get(i));
        }
        disruption.after(phase);
    }

    /** Every other refund returns the whole amount, the rest a part of it; every third is sent twice. */
    private void refund(String orderId, long total, Random random, int index) {
        long amount = index % 2 == 0 ? total : 1 + random.nextInt((int) total - 1);
        String body = """
                {"out_refund_no":"RF-%s","amount":{"refund":%d,"currency":"CNY"},"reason":"scenario"}""".formatted(orderId.substring(orderId.length() - 12), amount);
        for (int attempt = 0; attempt < (index % 3 == 0 ? 2 : 1); attempt++) {
            shopCall(() -> shop.post("/v1/orders/" + orderId + "/refunds", body), 202);
        }
    }

    /**
     * A shop's request, sent again as a shop would while order-service is away (no connection, or 503 while
     * it starts or its database is down), until it is answered; the answer must be {@code expected}.
     */
    private static void shopCall(Supplier<HttpResponse<String>> request, int expected) {
        HttpResponse<String> answered = await("the shop's request answered")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(request::get, response -> response.statusCode() != 503);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(expected);
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
        String orderId =
                ShopClient.JSON.readTree(created.body()).path("order_id").asString();
        if (retried) {
            HttpResponse<String> again = shop.post("/v1/orders", body, "Prefer", "wait=10");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(ShopClient.JSON.readTree(again.body()).path("order_id").asString())
                    .isEqualTo(orderId);
        }
        return orderId;
    }

    private void awaitStatus(List<String> orderIds, String status) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(orderIds)
                        .allSatisfy(
                                id -> assertThat(shop.order(id).path("status").asString())
                                        .as(id)
                                        .isEqualTo(status)));
    }
}
