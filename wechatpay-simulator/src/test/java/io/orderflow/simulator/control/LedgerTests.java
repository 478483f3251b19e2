package io.orderflow.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /sim/v1/ledger as a consistency checker reads it, and the payer's failed attempt. */
class LedgerTests {

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    private final Control control = new Control(simulator);

    @Test
    void ledgerHoldsTrueStateAmountsIdsRefundsAndDeliveries() {
        try (var receiver = new CallbackReceiver()) {
            var request = Orders.prepay(receiver.url("/notify"), 500);
            String prepayId = sdk.jsapi()
                    .prepayWithRequestPayment(request)
                    .getPackageVal()
                    .substring(10);
            var paid = control.pay(prepayId);
            var refund = Orders.refund(request.getOutTradeNo(), "R" + request.getOutTradeNo(), 200, 500);
            refund.setNotifyUrl(receiver.url("/refund"));
            sdk.refunds().create(refund);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 2);
            var order = control.ledgerOrder(SharedSimulator.MCHID, request.getOutTradeNo());
            assertThat(order.get("trade_state").asString()).isEqualTo("REFUND");
            assertThat(order.get("prepay_id").asString()).isEqualTo(prepayId);
            assertThat(order.get("transaction_id").asString())
                    .isEqualTo(paid.get("transaction_id").asString());
            assertThat(order.get("total").asLong()).isEqualTo(500);
            assertThat(order.get("refunded").asLong()).isEqualTo(200);
            assertThat(order.get("refunds").get(0).get("status").asString()).isEqualTo("SUCCESS");
            assertThat(order.get("callbacks")
                            .valueStream()
                            .map(d -> d.get("event_type").asString()))
                    .containsExactlyInAnyOrder("TRANSACTION.SUCCESS", "REFUND.SUCCESS");
        }
    }

    @Test
    void failedPaymentAttemptLeavesTheOrderUnpaid() {
        var request = Orders.prepay("https://merchant.example/notify", 100);
        String prepayId =
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10);
        var answer = control.post("/sim/v1/payments", Map.of("prepay_id", prepayId, "outcome", "FAIL"));
        assertThat(answer.get("trade_state").asString()).isEqualTo("NOTPAY");
        assertThat(control.ledgerOrder(SharedSimulator.MCHID, request.getOutTradeNo())
                        .get("callbacks"))
                .isEmpty();
    }
}
