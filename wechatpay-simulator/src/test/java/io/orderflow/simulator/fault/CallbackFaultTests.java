package io.orderflow.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.service.payments.model.Transaction;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.crypto.AesGcm;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.NotificationParams;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Callback faults as a merchant's notify endpoint sees them. */
class CallbackFaultTests {

    private static final String MCHID = SharedSimulator.FAULT_MCHID;

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forGeneratedMerchant(simulator, MCHID);

    private final Control control = new Control(simulator);

    private final CallbackReceiver receiver = new CallbackReceiver();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @AfterEach
    void clear() {
        control.delete("/sim/v1/faults");
        control.delete("/sim/v1/auto-payer");
        receiver.close();
    }

    @Test
    void droppedCallbackNeverArrivesButIsLogged() {
        fault("DROP_CALLBACK", null);
        String outTradeNo = pay();
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        control.ledgerOrder(MCHID, outTradeNo).get("callbacks").size() == 1);
        var log = control.ledgerOrder(MCHID, outTradeNo).get("callbacks");
        assertThat(log.get(0).get("outcome").asString()).isEqualTo("DROPPED");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> receiver.count() == 0);
    }

    @Test
    void duplicatedCallbackArrivesSeveralTimesWithOneId() {
        fault("DUPLICATE_CALLBACK", 2L);
        pay();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 3);
        assertThat(receiver.received())
                .extracting(CallbackReceiver.Received::body)
                .containsOnly(receiver.received().get(0).body());
    }

    @Test
    void delayedCallbackArrivesLate() {
        fault("DELAY_CALLBACK", 500L);
        long start = System.nanoTime();
        pay();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void reorderedCallbacksArriveNewestFirst() {
        fault("REORDER_CALLBACKS", 2L);
        String first = pay();
        String second = pay();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 2);
        assertThat(outTradeNoOf(receiver.received().get(0))).isEqualTo(second);
        assertThat(outTradeNoOf(receiver.received().get(1))).isEqualTo(first);
    }

    @Test
    void signTestProbeAndForgedCopyAreRejectedAndTheRealOneFollows() {
        fault("SIGNTEST_PROBE", null);
        fault("FORGED_CALLBACK", 1L);
        receiver.respondWith(request -> verifies(request) ? 200 : 401);
        String outTradeNo = pay();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.count() == 3);
        var probe = receiver.received().stream()
                .filter(r -> r.header("Wechatpay-Signature").startsWith("WECHATPAY/SIGNTEST/"))
                .toList();
        assertThat(probe).hasSize(1);
        assertThat(receiver.received().stream().filter(this::verifies)).hasSize(1);
        // the ledger records an outcome once the receiver's answer is back, just after the receiver counts it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var kinds = control.ledgerOrder(MCHID, outTradeNo)
                    .get("callbacks")
                    .valueStream()
                    .map(d -> d.get("kind").asString() + ":" + d.get("outcome").asString())
                    .toList();
            assertThat(kinds).containsExactlyInAnyOrder("PROBE:REJECTED", "FORGED:REJECTED", "REAL:ACKNOWLEDGED");
        });
    }

    @Test
    void forgedCopiesCarryAnotherAmountAnotherTransactionOrASuccessForAnUnpaidOrder() {
        receiver.respondWith(request -> verifies(request) ? 200 : 401);
        var unpaid = Orders.prepay(MCHID, SharedSimulator.FAULT_APPID, receiver.url("/notify"), 300);
        sdk.jsapi().prepayWithRequestPayment(unpaid);

        JsonNode otherAmount = forgeryFor(1L);
        JsonNode otherTransaction = forgeryFor(2L);
        JsonNode unpaidOrder = forgeryFor(3L);

        assertThat(otherAmount.at("/amount/total").asLong()).isEqualTo(101);
        String genuine = control.ledgerOrder(
                        MCHID, otherTransaction.get("out_trade_no").asString())
                .get("transaction_id")
                .asString();
        assertThat(otherTransaction.get("transaction_id").asString())
                .hasSize(28)
                .isNotEqualTo(genuine);
        assertThat(otherTransaction.at("/amount/total").asLong()).isEqualTo(100);
        assertThat(unpaidOrder.get("out_trade_no").asString()).isEqualTo(unpaid.getOutTradeNo());
        assertThat(unpaidOrder.get("trade_state").asString()).isEqualTo("SUCCESS");
        assertThat(unpaidOrder.at("/amount/total").asLong()).isEqualTo(300);
        var truth = control.ledgerOrder(MCHID, unpaid.getOutTradeNo());
        assertThat(truth.get("trade_state").asString()).isEqualTo("NOTPAY");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> control.ledgerOrder(MCHID, unpaid.getOutTradeNo())
                        .get("callbacks")
                        .valueStream()
                        .map(d -> d.get("kind").asString() + ":"
                                + d.get("outcome").asString())
                        .toList()
                        .equals(List.of("FORGED:REJECTED")));
    }

    @Test
    void autoPayerPaysTheGivenShareAfterTheDelay() {
        control.put("/sim/v1/auto-payer", Map.of("share", 1.0, "delay_ms", 50, "mchid", MCHID));
        var request = Orders.prepay(MCHID, SharedSimulator.FAULT_APPID, receiver.url("/notify"), 100);
        sdk.jsapi().prepayWithRequestPayment(request);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        control.put("/sim/v1/auto-payer", Map.of("share", 0.0, "delay_ms", 0, "mchid", MCHID));
        var unpaid = Orders.prepay(MCHID, SharedSimulator.FAULT_APPID, receiver.url("/notify"), 100);
        sdk.jsapi().prepayWithRequestPayment(unpaid);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> receiver.count() == 1);
        assertThat(control.ledgerOrder(MCHID, unpaid.getOutTradeNo())
                        .get("trade_state")
                        .asString())
                .isEqualTo("NOTPAY");
    }

    /**
     * Pays an order of 100 fen with one forgery of the given kind before its genuine callback, and returns the
     * forgery's decrypted resource: it decrypts with the merchant's real APIv3 key, only its signature is false.
     */
    private JsonNode forgeryFor(long kind) {
        fault("FORGED_CALLBACK", kind, 1);
        int before = receiver.count();
        pay();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.count() == before + 2);
        List<CallbackReceiver.Received> forged = receiver.received().subList(before, before + 2).stream()
                .filter(request -> !verifies(request))
                .toList();
        assertThat(forged).hasSize(1);
        JsonNode body = JSON.readTree(forged.get(0).body());
        JsonNode resource = body.get("resource");
        String apiV3Key = simulator.merchant(MCHID).apiV3Key();
        return JSON.readTree(AesGcm.decrypt(
                apiV3Key,
                resource.get("nonce").asString(),
                resource.get("associated_data").asString(),
                resource.get("ciphertext").asString()));
    }

    private boolean verifies(CallbackReceiver.Received request) {
        try {
            sdk.parser().parse(NotificationParams.of(request, request.body()), Transaction.class);
            return true;
        } catch (RuntimeException rejected) {
            return false;
        }
    }

    private String outTradeNoOf(CallbackReceiver.Received request) {
        return sdk.parser()
                .parse(NotificationParams.of(request, request.body()), Transaction.class)
                .getOutTradeNo();
    }

    private String pay() {
        var request = Orders.prepay(MCHID, SharedSimulator.FAULT_APPID, receiver.url("/notify"), 100);
        control.pay(
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10));
        return request.getOutTradeNo();
    }

    private void fault(String kind, Long amount) {
        var body = new HashMap<String, Object>(Map.of("kind", kind, "mchid", MCHID));
        if (amount != null) {
            body.put("amount", amount);
        }
        control.post("/sim/v1/faults", body);
    }

    private void fault(String kind, long amount, int count) {
        control.post("/sim/v1/faults", Map.of("kind", kind, "mchid", MCHID, "amount", amount, "count", count));
    }
}
