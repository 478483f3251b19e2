package io.orderflow.order.order.domain;

import static io.orderflow.events.OrderStatus.CLOSED;
import static io.orderflow.events.OrderStatus.REFUND;
import static io.orderflow.events.OrderStatus.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.AnomalyKind;
import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.RefundRequested;
import io.orderflow.events.RefundStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refund rules of the aggregate and of a refund record, without Spring or a broker. */
class RefundRulesUnitTests {

    private static final Instant NOW = OrderUnitTests.NOW;
    private static final Context SHOP = new Context(NOW, null, false);
    private static final Context EVENT = new Context(NOW, "ce-2", true);

    @Test
    void refundableIsTotalMinusRefundedMinusInFlight() {
        Order order = AnOrder.in(REFUND)
                .refunded(1000)
                .withRefund("R-1", 1000, RefundState.SUCCESS)
                .withRefund("R-2", 3000, RefundState.PROCESSING)
                .withRefund("R-3", 500, RefundState.CLOSED)
                .build();

        assertThat(order.refundableFen()).isEqualTo(AnOrder.TOTAL_FEN - 1000 - 3000);
    }

    @Test
    void rejectsRefundAboveRemainingAmount() {
        Order order = AnOrder.in(SUCCESS)
                .withRefund("R-1", 3000, RefundState.REQUESTED)
                .build();

        assertThatThrownBy(() -> order.refund(new RefundOrder("R-2", 5801, null), SHOP))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("REFUND_AMOUNT_EXCEEDS_REMAINING"));
        assertThat(order.refund(new RefundOrder("R-2", 5800, null), SHOP))
                .singleElement()
                .isInstanceOf(RefundRequested.class);
        assertThat(order.refundableFen()).isZero();
    }

    @Test
    void retryWithTheSameNumberAndAmountChangesNothing() {
        Order order = AnOrder.in(SUCCESS)
                .withRefund("R-1", 300, RefundState.PROCESSING)
                .build();

        assertThat(order.refund(new RefundOrder("R-1", 300, null), SHOP)).isEmpty();
        assertThatThrownBy(() -> order.refund(new RefundOrder("R-1", 301, null), SHOP))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class, e -> assertThat(e.code()).isEqualTo("OUT_REFUND_NO_CONFLICT"));
        assertThat(order.refunds()).hasSize(1);
    }

    @Test
    void requestedRefundChangesNoStatusUntilWechatHoldsIt() {
        Order order = AnOrder.in(SUCCESS).build();

        assertThat(order.refund(new RefundOrder("R-1", 300, null), SHOP))
                .singleElement()
                .isInstanceOf(RefundRequested.class);
        assertThat(order.status()).isEqualTo(SUCCESS);

        List<OrderflowEvent> accepted = order.refundChanged(change("R-1", RefundState.PROCESSING), EVENT);
        assertThat(reasons(accepted)).containsExactly("REFUND_ACCEPTED");
        assertThat(order.status()).isEqualTo(REFUND);
    }

    @Test
    void orderIsSuccessAgainWhenTheLastHeldRefundClosesUnpaid() {
        Order order = AnOrder.in(REFUND)
                .withRefund("R-1", 300, RefundState.PROCESSING)
                .withRefund("R-2", 200, RefundState.PROCESSING)
                .build();

        assertThat(reasons(order.refundChanged(change("R-1", RefundState.CLOSED), EVENT)))
                .containsExactly("REFUND_UPDATED");
        assertThat(order.status()).isEqualTo(REFUND);
        assertThat(reasons(order.refundChanged(change("R-2", RefundState.CLOSED), EVENT)))
                .containsExactly("REFUNDS_ENDED_UNPAID");
        assertThat(order.status()).isEqualTo(SUCCESS);
        assertThat(order.refundableFen()).isEqualTo(AnOrder.TOTAL_FEN);
    }

    @Test
    void successfulRefundCountsAsRefunded() {
        Order order = AnOrder.in(REFUND)
                .withRefund("R-1", 300, RefundState.PROCESSING)
                .build();

        order.refundChanged(change("R-1", RefundState.SUCCESS), EVENT);

        assertThat(order.state().refundedFen()).isEqualTo(300);
        assertThat(order.refundableFen()).isEqualTo(AnOrder.TOTAL_FEN - 300);
        assertThat(order.snapshot().refunds())
                .singleElement()
                .satisfies(refund -> assertThat(refund.status()).isEqualTo(RefundStatus.SUCCESS));
    }

    @Test
    void duplicateOrBackwardRefundEventChangesNothing() {
        Order order = AnOrder.in(REFUND)
                .refunded(300)
                .withRefund("R-1", 300, RefundState.SUCCESS)
                .build();

        assertThat(order.refundChanged(change("R-1", RefundState.PROCESSING), EVENT))
                .isEmpty();
        assertThat(order.refundChanged(change("R-1", RefundState.SUCCESS), EVENT))
                .isEmpty();
        assertThat(order.refundChanged(change("unknown", RefundState.SUCCESS), EVENT))
                .isEmpty();
        assertThat(order.state().refundedFen()).isEqualTo(300);
    }

    @Test
    void abnormalRefundIsAnAnomaly() {
        Order order = AnOrder.in(REFUND)
                .withRefund("R-1", 300, RefundState.PROCESSING)
                .build();

        List<OrderflowEvent> events = order.refundChanged(change("R-1", RefundState.ABNORMAL), EVENT);

        assertAnomalyFirst(events, AnomalyKind.REFUND_ABNORMAL, "REFUND_UPDATED");
    }

    @Test
    void refundHeldAfterItsRejectionIsTakenAsWechatReportsIt() {
        Order order =
                AnOrder.in(SUCCESS).withRefund("R-1", 300, RefundState.REJECTED).build();

        List<OrderflowEvent> events = order.refundChanged(change("R-1", RefundState.PROCESSING), EVENT);

        assertAnomalyFirst(events, AnomalyKind.REFUND_AFTER_REJECTION, "REFUND_ACCEPTED");
    }

    @Test
    void paymentAfterCloseIsRefundedInFullOnce() {
        Order order = AnOrder.in(CLOSED).build();
        order.paymentNotified(AnOrder.paid(), EVENT);
        assertThat(order.takeFollowUps()).containsExactly(FollowUp.AUTOMATIC_REFUND);

        List<OrderflowEvent> refund = order.refundPaidAfterClose(EVENT);

        assertThat(refund).singleElement().isInstanceOfSatisfying(RefundRequested.class, requested -> {
            assertThat(requested.outRefundNo()).isEqualTo(SystemRefundNumbers.paidAfterClose(AnOrder.ORDER_ID));
            assertThat(requested.refund().fen()).isEqualTo(AnOrder.TOTAL_FEN);
        });
        assertThat(order.refundPaidAfterClose(EVENT)).isEmpty();
    }

    @Test
    void paymentAfterCloseIsKeptWhenConfigured() {
        Order order = AnOrder.in(CLOSED).build();

        order.paymentNotified(AnOrder.paid(), new Context(NOW, "ce-3", false));

        assertThat(order.status()).isEqualTo(SUCCESS);
        assertThat(order.takeFollowUps()).isEmpty();
    }

    @Test
    void refundStatesMoveOnlyForward() {
        assertThat(RefundState.SUCCESS.canBecome(RefundState.PROCESSING)).isFalse();
        assertThat(RefundState.CLOSED.canBecome(RefundState.SUCCESS)).isFalse();
        assertThat(RefundState.PROCESSING.canBecome(RefundState.REQUESTED)).isFalse();
        assertThat(RefundState.ABNORMAL.canBecome(RefundState.SUCCESS)).isTrue();
        assertThat(RefundState.REJECTED.canBecome(RefundState.PROCESSING)).isTrue();
        assertThat(RefundState.REQUESTED.published()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(RefundState.REJECTED.published()).isEqualTo(RefundStatus.CLOSED);
    }

    private static RefundChange change(String outRefundNo, RefundState state) {
        return new RefundChange(outRefundNo, state, "5000" + outRefundNo, state == RefundState.SUCCESS ? NOW : null);
    }

    /** The first event is an anomaly of that kind, and the status changes among the events have these reasons. */
    private static void assertAnomalyFirst(List<OrderflowEvent> events, AnomalyKind kind, String... statusReasons) {
        assertThat(events)
                .first()
                .isInstanceOfSatisfying(
                        OrderAnomalyDetected.class,
                        anomaly -> assertThat(anomaly.kind()).isEqualTo(kind));
        assertThat(reasons(events)).containsExactly(statusReasons);
    }

    private static List<String> reasons(List<OrderflowEvent> events) {
        return events.stream()
                .filter(OrderStatusChanged.class::isInstance)
                .map(e -> ((OrderStatusChanged) e).reason())
                .toList();
    }
}
