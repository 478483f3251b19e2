package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.simulator.ledger.CallbackDelivery;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import io.orderflow.simulator.ledger.RefundStatus;
import io.orderflow.simulator.support.LedgerFixture;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The check's own rules, on orders built with the simulator's ledger: what status WeChat's state asks for, which deliveries are differences. */
class ConsistencyCheckUnitTests {

    @RegisterExtension
    final LedgerFixture fixture = LedgerFixture.onRealTime();

    @Test
    void anOrderIsRefundOnlyWhileWechatHoldsOneOfItsRefunds() {
        Order order = paid("T1", 300);
        Refund closed = refund(order, "R1", 100);
        fixture.refunds().finish(closed, RefundStatus.CLOSED);
        assertThat(order.state().name()).isEqualTo("REFUND");
        assertThat(ConsistencyCheck.expectedStatus(order)).containsExactly("SUCCESS");

        Refund processing = refund(order, "R2", 100);
        assertThat(ConsistencyCheck.expectedStatus(order)).containsExactly("REFUND");
        fixture.refunds().finish(processing, RefundStatus.ABNORMAL);
        assertThat(ConsistencyCheck.expectedStatus(order)).containsExactly("REFUND");
    }

    @Test
    void eachTradeStateHasItsStatusAndAnOrderWechatNeverSawIsClosedOrFailed() {
        Order unpaid = fixture.trades().prepay("1", LedgerFixture.prepayBody("1", "T2", 100));
        assertThat(ConsistencyCheck.expectedStatus(unpaid)).containsExactly("PENDING");
        assertThat(ConsistencyCheck.expectedStatus(paid("T3", 100))).containsExactly("SUCCESS");
        fixture.trades().close("1", "T2");
        assertThat(ConsistencyCheck.expectedStatus(unpaid)).containsExactly("CLOSED");
        assertThat(ConsistencyCheck.expectedStatus(null)).containsExactlyInAnyOrder("CLOSED", "FAILED");
    }

    @Test
    void aForgeryAcknowledgedOrAGenuineCallbackRefusedIsADifference() {
        Order order = paid("T4", 100);
        order.record(delivery("n1", "FORGED", 1, 204, "ACKNOWLEDGED"));
        order.record(delivery("n2", "PROBE", 1, 401, "REJECTED"));
        order.record(delivery("n3", "REAL", 1, 500, "REJECTED"));
        order.record(delivery("n3", "REAL", 2, 204, "ACKNOWLEDGED"));
        order.record(delivery("n4", "REAL", 1, 0, "DROPPED"));

        CheckTable strict = new CheckTable();
        DeliveryCheck.check(strict, "T4", order, false);
        assertThat(strict.report().differences())
                .containsExactlyInAnyOrder(
                        DeliveryCheck.REFUSED + ": FORGED TRANSACTION.SUCCESS of T4 attempt 1: ACKNOWLEDGED 204",
                        DeliveryCheck.ACKNOWLEDGED + ": REAL TRANSACTION.SUCCESS of T4 attempt 1: REJECTED 500");

        CheckTable retries = new CheckTable();
        DeliveryCheck.check(retries, "T4", order, true);
        assertThat(retries.report().differences())
                .containsExactly(
                        DeliveryCheck.REFUSED + ": FORGED TRANSACTION.SUCCESS of T4 attempt 1: ACKNOWLEDGED 204");
    }

    @Test
    void aGenuineNotificationNeverAcknowledgedIsADifferenceEvenWithRetries() {
        Order order = paid("T5", 100);
        order.record(delivery("n1", "REAL", 1, 0, "ERROR"));
        order.record(delivery("n1", "REAL", 2, 503, "REJECTED"));

        CheckTable retries = new CheckTable();
        DeliveryCheck.check(retries, "T5", order, true);
        assertThat(retries.report().differences())
                .containsExactly(DeliveryCheck.EVENTUALLY + ": notification n1 of T5 never acknowledged");
    }

    @Test
    void theDeadLetterTopicsAreTheOnesTheServicesDeclare() {
        assertThat(DeadLetterCheck.declared())
                .contains(
                        "orderflow.notify.events.order-service.dlt",
                        "orderflow.order.events.payment-service.dlt",
                        "orderflow.order.status.reconcile-service.dlt")
                .allSatisfy(topic -> assertThat(topic).endsWith(".dlt"));
    }

    private Order paid(String outTradeNo, long total) {
        return fixture.paid("1", outTradeNo, total);
    }

    private Refund refund(Order order, String outRefundNo, long amount) {
        return fixture.refund(order, outRefundNo, amount);
    }

    private static CallbackDelivery delivery(String id, String kind, int attempt, int status, String outcome) {
        return new CallbackDelivery(id, "TRANSACTION.SUCCESS", null, kind, attempt, Instant.now(), status, outcome);
    }
}
