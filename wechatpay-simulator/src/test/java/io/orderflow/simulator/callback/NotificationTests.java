package io.orderflow.simulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.NotificationParams;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Payment and refund callbacks as the SDK's NotificationParser sees them. */
class NotificationTests {

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    private final Control control = new Control(simulator);

    private final CallbackReceiver receiver = new CallbackReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void paymentCallbackIsAcceptedByTheSdkParser() {
        String outTradeNo = payWithCallback();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        var callback = receiver.received().get(0);
        assertThat(callback.body()).contains("\"event_type\":\"TRANSACTION.SUCCESS\"");
        Transaction transaction = sdk.parser().parse(param(callback, callback.body(), null), Transaction.class);
        assertThat(transaction.getOutTradeNo()).isEqualTo(outTradeNo);
        assertThat(transaction.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
        assertThat(transaction.getPayer().getOpenid()).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    }

    @Test
    void tamperedBodyOrHeaderIsRejected() {
        payWithCallback();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        var callback = receiver.received().get(0);
        String tampered = callback.body().replace("\"summary\":\"支付成功\"", "\"summary\":\"x\"");
        assertThat(tampered).isNotEqualTo(callback.body());
        assertThatThrownBy(() -> sdk.parser().parse(param(callback, tampered, null), Transaction.class))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> sdk.parser().parse(param(callback, callback.body(), "nonce"), Transaction.class))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void failedCallbacksAreRetriedUntilAcknowledgedAndLogged() {
        var calls = new AtomicInteger();
        receiver.respondWith(request -> calls.incrementAndGet() <= 2 ? 500 : 204);
        String outTradeNo = payWithCallback();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 3);
        // a delivery enters the ledger once its answer is back, just after the receiver counted it
        var deliveries = awaitDeliveries(outTradeNo, 3);
        assertThat(deliveries.get(0).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(deliveries.get(2).get("outcome").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(deliveries.get(2).get("attempt").asInt()).isEqualTo(3);
        // 15 s and 15 s at WeChat, 15 ms each at time scale 0.001
        assertThat(between(deliveries.get(0), deliveries.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(15));
        assertThat(between(deliveries.get(1), deliveries.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(15));
        assertThat(receiver.received().get(0).body())
                .isEqualTo(receiver.received().get(2).body());
    }

    @Test
    void answerSlowerThanTheTimeoutIsAFailureAndRetried() {
        var first = new AtomicBoolean(true);
        receiver.respondWith(request -> {
            if (first.getAndSet(false)) {
                holdAnswer(Duration.ofMillis(1500));
            }
            return 200;
        });
        String outTradeNo = payWithCallback();
        var deliveries = awaitDeliveries(outTradeNo, 2);
        assertThat(deliveries.get(0).get("outcome").asString()).isEqualTo("ERROR");
        assertThat(deliveries.get(1).get("outcome").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void refundCallbackIsAcceptedByTheSdkParser() {
        String outTradeNo = payWithCallback();
        var refund = Orders.refund(outTradeNo, "R" + outTradeNo, 30, 100);
        refund.setNotifyUrl(receiver.url("/refund"));
        sdk.refunds().create(refund);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 2);
        var callback = receiver.received().stream()
                .filter(r -> r.body().contains("REFUND.SUCCESS"))
                .findFirst()
                .orElseThrow();
        var parsed = sdk.parser().parse(param(callback, callback.body(), null), RefundNotification.class);
        assertThat(parsed.getOutRefundNo()).isEqualTo("R" + outTradeNo);
        assertThat(parsed.getRefundStatus().name()).isEqualTo("SUCCESS");
        assertThat(parsed.getAmount().getRefund()).isEqualTo(30L);
    }

    /** The order's callback deliveries in the simulator's ledger, once there are {@code count} of them. */
    private JsonNode awaitDeliveries(String outTradeNo, int count) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> control.ledgerOrder(SharedSimulator.MCHID, outTradeNo)
                                .get("callbacks")
                                .size()
                        == count);
        return control.ledgerOrder(SharedSimulator.MCHID, outTradeNo).get("callbacks");
    }

    /** A merchant that answers late (the shared simulator's callback timeout is 1 s). */
    private static void holdAnswer(Duration duration) {
        try {
            new CountDownLatch(1).await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration between(JsonNode earlier, JsonNode later) {
        return Duration.between(
                Instant.parse(earlier.get("at").asString()),
                Instant.parse(later.get("at").asString()));
    }

    @Test
    void refundForcedClosedIsCalledBackAsRefundClosed() {
        var refunds = simulator.context().getBean(io.orderflow.simulator.ledger.Refunds.class);
        refunds.configure(Duration.ofHours(1), null);
        try {
            String outTradeNo = payWithCallback();
            var refund = Orders.refund(outTradeNo, "C" + outTradeNo, 100, 100);
            refund.setNotifyUrl(receiver.url("/refund"));
            sdk.refunds().create(refund);
            control.post(
                    "/sim/v1/refunds/complete",
                    java.util.Map.of(
                            "mchid", SharedSimulator.MCHID, "out_refund_no", "C" + outTradeNo, "status", "CLOSED"));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().stream()
                            .anyMatch(r -> r.body().contains("\"event_type\":\"REFUND.CLOSED\"")));
            var callback = receiver.received().stream()
                    .filter(r -> r.body().contains("REFUND.CLOSED"))
                    .findFirst()
                    .orElseThrow();
            var parsed = sdk.parser().parse(param(callback, callback.body(), null), RefundNotification.class);
            assertThat(parsed.getRefundStatus().name()).isEqualTo("CLOSED");
        } finally {
            refunds.configure(Duration.ofSeconds(10), null);
        }
    }

    private String payWithCallback() {
        var request = Orders.prepay(receiver.url("/notify"), 100);
        control.pay(
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10));
        return request.getOutTradeNo();
    }

    private static RequestParam param(CallbackReceiver.Received callback, String body, String tamper) {
        return NotificationParams.of(callback, body, tamper);
    }
}
