package io.orderflow.systemtest;

import static io.orderflow.systemtest.StatusRecords.distinctByCeId;
import static io.orderflow.systemtest.StatusRecords.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.ledger.CallbackDelivery;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * reconcile-service in the running system, with two replicas of it on one database: WeChat's callbacks all
 * lost and every paid order still SUCCESS (active queries); a burst of shop closes shared by both replicas,
 * each order closed at WeChat and announced CLOSED exactly once.
 */
class ReconcileEndToEndTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern CLOSED_FIRED =
            Pattern.compile("(?m)^orderflow_reconcile_timer_fired_total\\{[^}]*outcome=\"CLOSED\"[^}]*} (\\S+)$");
    private static OrderflowSystem system;
    private static ShopClient shop;

    @BeforeAll
    static void start() {
        system = OrderflowSystem.start("reconcile_e2e");
        system.addReplica("reconcile-service");
        shop = system.newShop("reconcile e2e shop");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @AfterEach
    void clearFaults() {
        faults().reset(7);
    }

    @Test
    void everyPaidOrderBecomesSuccessWhenWechatDropsEveryCallback() {
        faults().add(FaultKind.DROP_CALLBACK, TestMerchant.MCHID, null, 1.0, null, null);
        List<String> orders = createOrders(10, 1000);
        orders.forEach(system::pay);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(orders)
                        .allSatisfy(
                                id -> assertThat(shop.order(id).path("status").asString())
                                        .as(id)
                                        .isEqualTo("SUCCESS")));
        for (String orderId : orders) {
            var atWechat =
                    system.simulator.ledger().order(TestMerchant.MCHID, orderId).orElseThrow();
            assertThat(atWechat.deliveries())
                    .as("no callback of %s reached notify-service", orderId)
                    .isNotEmpty()
                    .extracting(CallbackDelivery::outcome)
                    .containsOnly("DROPPED");
            assertThat(shop.order(orderId).path("transaction_id").asString()).isEqualTo(atWechat.transactionId());
        }
        try (TopicProbe status = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            for (String orderId : orders) {
                assertThat(distinctByCeId(status.awaitKey(orderId, 2, WAIT)))
                        .extracting(r -> field(r, "to"))
                        .as(orderId)
                        .containsExactly("PENDING", "SUCCESS");
            }
        }
    }

    @Test
    void twoReplicasShareABurstOfClosesAndCloseEachOrderOnce() {
        // each close takes a while at WeChat, so that one replica cannot drain the burst before the other looks
        faults().add(FaultKind.LATENCY, TestMerchant.MCHID, "/v3/pay/transactions/out-trade-no/", 1.0, null, 150L);
        double firedBefore = closedFired("reconcile-service") + closedFired("reconcile-service-2");
        List<String> orders = createOrders(24, 300);
        for (String orderId : orders) {
            HttpResponse<String> close = shop.post("/v1/orders/" + orderId + "/close", "");
            assertThat(close.statusCode()).as(close.body()).isEqualTo(202);
        }

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(orders)
                        .allSatisfy(
                                id -> assertThat(shop.order(id).path("status").asString())
                                        .as(id)
                                        .isEqualTo("CLOSED")));
        orders.forEach(id -> assertThat(system.simulator
                        .ledger()
                        .order(TestMerchant.MCHID, id)
                        .orElseThrow()
                        .state()
                        .name())
                .as(id)
                .isEqualTo("CLOSED"));
        try (TopicProbe reconcile = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.RECONCILE_EVENTS_TOPIC);
                TopicProbe status = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            for (String orderId : orders) {
                assertThat(distinctByCeId(reconcile.awaitKey(orderId, 1, WAIT)))
                        .extracting(r -> r.header("ce_type"))
                        .as(orderId)
                        .containsExactly("orderflow.reconcile.TimeoutExpired.v1");
                assertThat(distinctByCeId(status.awaitKey(orderId, 2, WAIT)))
                        .extracting(r -> field(r, "to"))
                        .as(orderId)
                        .containsExactly("PENDING", "CLOSED");
            }
        }
        double first = closedFired("reconcile-service");
        double second = closedFired("reconcile-service-2");
        assertThat(first + second - firedBefore)
                .as("timers fired with a confirmed close, both replicas")
                .isEqualTo(24);
        assertThat(first).as("replica 1 took part").isPositive();
        assertThat(second).as("replica 2 took part").isPositive();
    }

    /** Orders created with their pay params (so prepaid at WeChat before anything else happens). */
    private static List<String> createOrders(int count, long fen) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> created = shop.post(
                    "/v1/orders", """
                    {"shop_order_no":"REC-%s","description":"orderflow mug","amount":{"total":%d,"currency":"CNY"},
                     "payer":{"openid":"%s"}}""".formatted(UUID.randomUUID(), fen, ShopClient.newPayer()), "Prefer", "wait=10");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var order = ShopClient.JSON.readTree(created.body());
            assertThat(order.path("pay_params").path("package").asString()).startsWith("prepay_id=");
            ids.add(order.path("order_id").asString());
        }
        return ids;
    }

    private static double closedFired(String replica) {
        Matcher found = CLOSED_FIRED.matcher(system.service(replica).prometheus());
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }

    private static Faults faults() {
        return system.simulator.context().getBean(Faults.class);
    }
}
