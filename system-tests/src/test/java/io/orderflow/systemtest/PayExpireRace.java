package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.api.ApiJournal;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.fault.Holds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Payers racing the expiry through the whole system: orders expiring after 4 s, each payer confirming at a
 * seeded moment between a second before and a second after. WeChat holds the first closes (HOLD_REQUEST) until
 * their order's payer has paid, so the close protocol meets an order paid at WeChat (ORDERPAID) in every run.
 * Every payer's answer is kept: paid (200) or too late (400 ORDER_CLOSED), and it must match the order's end.
 */
final class PayExpireRace {

    private static final String CLOSE = "/v3/pay/transactions/out-trade-no/*/close$";

    private final OrderflowSystem system;
    private final ShopClient shop;
    private final long seed;
    private final int size;
    /** Read by the thread that lets held closes go while orders are still being created. */
    private final Map<String, Future<HttpResponse<String>>> payers = new ConcurrentHashMap<>();

    private final List<String> orders = new ArrayList<>();

    PayExpireRace(OrderflowSystem system, ShopClient shop, long seed, int size) {
        this.system = system;
        this.shop = shop;
        this.seed = seed;
        this.size = size;
    }

    /** The race's outcome: every payer's answer by order, the closes WeChat held and answered ORDERPAID, the check. */
    record Outcome(
            Map<String, HttpResponse<String>> payers,
            int heldCloses,
            long closesOfPaidOrders,
            ConsistencyCheck.Report report) {

        long paid() {
            return payers.values().stream()
                    .filter(answer -> answer.statusCode() == 200)
                    .count();
        }

        long closedFirst() {
            return payers.values().stream()
                    .filter(answer -> code(answer).equals("ORDER_CLOSED"))
                    .count();
        }
    }

    Outcome run() throws Exception {
        Instant began = Instant.now();
        Holds holds = system.simulator.context().getBean(Holds.class);
        int heldBefore = holds.total();
        int heldCloses = Math.max(1, Math.min(10, size / 8));
        system.simulator
                .context()
                .getBean(Faults.class)
                .add(
                        FaultKind.HOLD_REQUEST,
                        TestMerchant.MCHID,
                        CLOSE,
                        1.0,
                        heldCloses,
                        Duration.ofSeconds(30).toMillis());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        try {
            // a held close is let go once its order's payer has had its answer: the close then meets a paid order
            scheduler.scheduleWithFixedDelay(
                    () -> holds.waiting().forEach(path -> {
                        Future<HttpResponse<String>> payer = payers.get(path.split("/")[5]);
                        if (payer != null && payer.isDone()) {
                            holds.release(path);
                        }
                    }),
                    10,
                    10,
                    TimeUnit.MILLISECONDS);
            createAndSchedulePayers(scheduler);
            // settled: the assertions below say whether it settled as the payer was answered
            await().atMost(Duration.ofMinutes(3))
                    .untilAsserted(() -> assertThat(orders)
                            .allSatisfy(id -> assertThat(
                                            shop.order(id).path("status").asString())
                                    .as(id)
                                    .isNotEqualTo("PENDING")));
            for (String orderId : orders) {
                answers.put(orderId, payers.get(orderId).get(1, TimeUnit.MINUTES));
            }
        } finally {
            scheduler.shutdownNow();
            holds.releaseAll();
        }
        answers.forEach((orderId, answer) -> assertThat(
                        shop.order(orderId).path("status").asString())
                .as(orderId + " after the payer's " + answer.statusCode() + " " + answer.body())
                .isEqualTo(
                        answer.statusCode() == 200 ? "SUCCESS" : code(answer).equals("ORDER_CLOSED") ? "CLOSED" : "?"));
        refundSome(answers);
        ConsistencyCheck.Report report = ConsistencyCheck.run(
                system, shop, answers.keySet(), new ConsistencyCheck.Expectations(Map.of(), false, began));
        return new Outcome(answers, holds.total() - heldBefore, closesAnsweredOrderpaid(answers.keySet()), report);
    }

    private void createAndSchedulePayers(ScheduledExecutorService scheduler) {
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            HttpResponse<String> created = shop.post(
                    "/v1/orders",
                    """
                    {"shop_order_no":"RACE-%s","description":"race","amount":{"total":%d,"currency":"CNY"},
                     "payer":{"openid":"%s"},"expire_in_seconds":4}""".formatted(UUID.randomUUID(), 100 + random.nextInt(900), ShopClient.newPayer()),
                    "Prefer",
                    "wait=10");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String orderId =
                    ShopClient.JSON.readTree(created.body()).path("order_id").asString();
            orders.add(orderId);
            // the payer confirms somewhere between a second before and a second after the expiry
            payers.put(
                    orderId,
                    scheduler.schedule(
                            () -> system.tryPay(orderId), 3000 + random.nextInt(2000), TimeUnit.MILLISECONDS));
        }
    }

    /** Every other paid order refunded in full, so the check compares refunds of raced orders too. */
    private void refundSome(Map<String, HttpResponse<String>> answers) {
        List<String> paid = answers.entrySet().stream()
                .filter(e -> e.getValue().statusCode() == 200)
                .map(Map.Entry::getKey)
                .toList();
        List<String> refunded = java.util.stream.IntStream.range(0, paid.size())
                .filter(i -> i % 2 == 0)
                .mapToObj(paid::get)
                .toList();
        for (String orderId : refunded) {
            long total = shop.order(orderId).path("amount").path("total").asLong();
            HttpResponse<String> refund = shop.post("/v1/orders/" + orderId + "/refunds", """
                    {"out_refund_no":"RR-%s","amount":{"refund":%d,"currency":"CNY"},"reason":"race"}""".formatted(
                            orderId.substring(orderId.length() - 12), total));
            assertThat(refund.statusCode()).as(refund.body()).isEqualTo(202);
        }
        shop.awaitFirstRefundSucceeded(refunded, Duration.ofMinutes(3));
    }

    /** Closes of these orders that WeChat answered ORDERPAID (the simulator's journal). */
    private long closesAnsweredOrderpaid(java.util.Set<String> orderIds) {
        return system.simulator.context().getBean(ApiJournal.class).calls().stream()
                .filter(call -> call.path().endsWith("/close")
                        && orderIds.contains(call.path().split("/")[5]))
                .filter(call -> "ORDERPAID".equals(call.code()))
                .count();
    }

    private static String code(HttpResponse<String> answer) {
        return answer.statusCode() == 200
                ? ""
                : ShopClient.JSON.readTree(answer.body()).path("code").asString("");
    }
}
