package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded run with WeChat's callbacks dropped (30 %), duplicated (30 %) and reordered: shops create
 * orders, payers pay most of them, shops refund some and close the rest; at the end the consistency check
 * compares every order with WeChat's ledger and the status topic, and prints what it checked. The short
 * version runs here; {@code -Dorderflow.scenario.orders=500} makes it long.
 */
class CallbackFaultScenarioTests {

    private static final long SEED = Long.getLong("orderflow.scenario.seed", 20261201L);
    private static final int ORDERS = Integer.getInteger("orderflow.scenario.orders", 24);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static OrderflowSystem system;
    private static ShopClient shop;

    @BeforeAll
    static void start() {
        system = OrderflowSystem.start("callback_faults");
        shop = system.newShop("callback faults shop");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void droppedDuplicatedAndReorderedCallbacksLeaveOrderflowExactlyAsWechatSees() {
        Faults faults = system.simulator.context().getBean(Faults.class);
        faults.reset(SEED);
        faults.add(FaultKind.DROP_CALLBACK, TestMerchant.MCHID, null, 0.3, null, null);
        faults.add(FaultKind.DUPLICATE_CALLBACK, TestMerchant.MCHID, null, 0.3, null, 1L);
        faults.add(FaultKind.REORDER_CALLBACKS, TestMerchant.MCHID, null, 0.3, null, 2L);
        Random random = new Random(SEED);
        Map<String, Long> orders = new LinkedHashMap<>();
        for (int i = 0; i < ORDERS; i++) {
            long fen = 100 + random.nextInt(9900);
            orders.put(create(fen), fen);
        }
        List<String> paid = new ArrayList<>();
        List<String> unpaid = new ArrayList<>();
        orders.keySet().forEach(id -> (random.nextInt(3) > 0 ? paid : unpaid).add(id));

        paid.forEach(system::pay);
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
        System.out.printf("%nseed %d, %d orders (%d paid, %d refunded, %d closed)%n%s", SEED, orders.size(),
                paid.size(), refunded.size(), unpaid.size(), report.table());
        assertThat(report.differences()).isEmpty();
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.checked()[0]).as(row.check()).isPositive());
    }

    private static String create(long fen) {
        HttpResponse<String> created = shop.post("/v1/orders", """
                {"shop_order_no":"SC-%s","description":"scenario","amount":{"total":%d,"currency":"CNY"},
                 "payer":{"openid":"%s"}}""".formatted(UUID.randomUUID(), fen, ShopClient.newPayer()),
                "Prefer", "wait=10");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ShopClient.JSON.readTree(created.body()).path("order_id").asString();
    }

    private static void awaitStatus(List<String> orderIds, String status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(orderIds)
                .allSatisfy(id -> assertThat(shop.order(id).path("status").asString()).as(id).isEqualTo(status)));
    }
}
