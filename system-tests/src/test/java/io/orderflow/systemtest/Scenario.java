package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What shops and payers do in a scenario, seeded: create orders, pay about two thirds, refund a third of
 * the paid ones (part of each), close the unpaid; a disruption lasts while payers pay. At the end every
 * order must have settled, and the consistency check must find no difference.
 */
final class Scenario {

    private static final Duration WAIT = Duration.ofMinutes(3);

    private final OrderflowSystem system;
    private final ShopClient shop;
    private final long seed;
    private final int size;

    Scenario(OrderflowSystem system, ShopClient shop, long seed, int size) {
        this.system = system;
        this.shop = shop;
        this.seed = seed;
        this.size = size;
    }

    /** Runs the scenario with {@code down} before the payments and {@code up} after them. */
    ConsistencyCheck.Report run(String name, Runnable down, Runnable up) {
        Random random = new Random(seed);
        Map<String, Long> orders = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            long fen = 100 + random.nextInt(9900);
            orders.put(create(fen), fen);
        }
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
        for (String orderId : refunded) {
            long amount = 1 + random.nextInt(orders.get(orderId).intValue());
            HttpResponse<String> refund = shop.post("/v1/orders/" + orderId + "/refunds", """
                    {"out_refund_no":"RF-%s","amount":{"refund":%d,"currency":"CNY"},"reason":"scenario"}"""
                    .formatted(orderId.substring(orderId.length() - 12), amount));
            assertThat(refund.statusCode()).as(refund.body()).isEqualTo(202);
        }
        for (String orderId : unpaid) {
            assertThat(shop.post("/v1/orders/" + orderId + "/close", "").statusCode()).isEqualTo(202);
        }
        awaitStatus(unpaid, "CLOSED");
        await().atMost(WAIT).untilAsserted(() -> assertThat(refunded).allSatisfy(id -> assertThat(
                shop.order(id).path("refunds").get(0).path("status").asString()).as(id).isEqualTo("SUCCESS")));

        ConsistencyCheck.Report report = ConsistencyCheck.run(system, shop, orders.keySet());
        System.out.printf("%n%s: seed %d, %d orders (%d paid, %d refunded, %d closed)%n%s", name, seed, orders.size(),
                paid.size(), refunded.size(), unpaid.size(), report.table());
        return report;
    }

    private String create(long fen) {
        String body = """
                {"shop_order_no":"SC-%s","description":"scenario","amount":{"total":%d,"currency":"CNY"},
                 "payer":{"openid":"%s"}}""".formatted(UUID.randomUUID(), fen, ShopClient.newPayer());
        HttpResponse<String> created = shop.post("/v1/orders", body, "Prefer", "wait=10");
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        return ShopClient.JSON.readTree(created.body()).path("order_id").asString();
    }

    private void awaitStatus(List<String> orderIds, String status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(orderIds)
                .allSatisfy(id -> assertThat(shop.order(id).path("status").asString()).as(id).isEqualTo(status)));
    }
}
