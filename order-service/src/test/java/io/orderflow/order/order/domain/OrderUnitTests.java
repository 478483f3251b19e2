package io.orderflow.order.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.events.AnomalyKind;
import io.orderflow.events.CloseRequested;
import io.orderflow.events.Money;
import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.RefundRequested;
import io.orderflow.events.TradeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link TransitionTable} fired at the aggregate, without Spring or a broker: the row's outcome and
 * its effect both happen, and the aggregate returns exactly the events they stand for (the effect's, then one
 * OrderStatusChanged for a transition).
 */
class OrderUnitTests {

    static final Instant NOW = AnOrder.CREATED_AT.plusSeconds(600);
    static final Context CONTEXT = new Context(NOW, "ce-1", true);
    static final String REFUND_NO = "R-1";
    static final long REFUND_FEN = 300;

    static Stream<Rule> everyRow() {
        return TransitionTable.rules().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRow")
    void everyRowsOutcomeAndEffectHappen(Rule rule) {
        Order order = orderFor(rule);
        Data before = Data.of(order);

        if (rule.outcome() == Outcome.REJECTION) {
            assertThatThrownBy(() -> fire(order, rule.trigger()))
                    .isInstanceOf(OrderRejectedException.class)
                    .extracting(e -> ((OrderRejectedException) e).code())
                    .isEqualTo(rule.reason());
            assertThat(Data.of(order)).isEqualTo(before);
            return;
        }
        List<OrderflowEvent> events = fire(order, rule.trigger());

        List<OrderflowEvent> effectEvents = new ArrayList<>(events);
        if (rule.outcome() == Outcome.TRANSITION) {
            OrderStatusChanged changed = (OrderStatusChanged) effectEvents.remove(effectEvents.size() - 1);
            assertThat(changed.from()).isEqualTo(rule.from());
            assertThat(changed.to()).isEqualTo(rule.to());
            assertThat(changed.reason()).isEqualTo(rule.reason());
            assertThat(changed.version()).isEqualTo(before.version() + 1);
            assertThat(changed.causationId()).isEqualTo(CONTEXT.causationId());
            assertThat(order.state().version()).isEqualTo(before.version() + 1);
        } else {
            assertThat(order.state().version()).isEqualTo(before.version());
        }
        assertThat(order.status()).isEqualTo(rule.to());
        assertThat(effectEvents).noneMatch(OrderStatusChanged.class::isInstance);
        assertEffect(rule, order, before, effectEvents);
    }

    /** What each effect changes besides the status, and the events it adds; NONE changes nothing. */
    private static void assertEffect(Rule rule, Order order, Data before, List<OrderflowEvent> events) {
        Data after = Data.of(order);
        List<FollowUp> followUps = order.takeFollowUps();
        switch (rule.effect()) {
            case NONE -> {
                assertThat(after.withoutStatus()).isEqualTo(before.withoutStatus());
                assertThat(events).isEmpty();
            }
            case STORE_PAY_PARAMS -> {
                assertThat(order.state().payParams()).isEqualTo(payParams());
                assertThat(events).isEmpty();
            }
            case RECORD_PAYMENT -> {
                assertPaymentRecorded(order);
                assertThat(events).isEmpty();
            }
            case RECORD_PAYMENT_AFTER_CLOSE -> {
                assertPaymentRecorded(order);
                assertAnomalies(events, AnomalyKind.PAID_AFTER_CLOSE);
                assertThat(followUps).containsExactly(FollowUp.AUTOMATIC_REFUND);
            }
            case RECORD_PAYMENT_REPORTED_REFUNDED -> {
                assertPaymentRecorded(order);
                assertAnomalies(events, AnomalyKind.REFUND_REPORTED_UNPAID);
            }
            case RECORD_ANOMALY -> {
                assertThat(after).isEqualTo(before);
                assertAnomalies(events, AnomalyKind.AMOUNT_MISMATCH);
            }
            case REQUEST_CLOSE -> {
                assertThat(order.state().closeRequestedAt()).isEqualTo(NOW);
                assertThat(events)
                        .singleElement()
                        .isInstanceOfSatisfying(
                                CloseRequested.class,
                                close -> assertThat(close.orderId()).isEqualTo(AnOrder.ORDER_ID));
            }
            case REQUEST_REFUND -> {
                assertThat(order.refunds())
                        .extracting(Refund::outRefundNo, Refund::state)
                        .containsExactly(tuple(REFUND_NO, RefundState.REQUESTED));
                assertThat(events)
                        .singleElement()
                        .isInstanceOfSatisfying(
                                RefundRequested.class,
                                refund -> assertThat(refund.refund()).isEqualTo(Money.cny(REFUND_FEN)));
            }
            case UPDATE_REFUND -> {
                assertThat(order.refunds()).extracting(Refund::state).containsExactly(refundChange(rule.trigger()));
                assertThat(order.state().refundedFen())
                        .isEqualTo(refundChange(rule.trigger()) == RefundState.SUCCESS ? REFUND_FEN : 0);
                assertThat(events).isEmpty();
            }
        }
        if (rule.effect() != Effect.RECORD_PAYMENT_AFTER_CLOSE) {
            assertThat(followUps).isEmpty();
        }
    }

    private static void assertPaymentRecorded(Order order) {
        assertThat(order.state().transactionId()).isEqualTo(AnOrder.paid().transactionId());
        assertThat(order.state().paidAt()).isEqualTo(AnOrder.paid().successTime());
    }

    private static void assertAnomalies(List<OrderflowEvent> events, AnomalyKind kind) {
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        OrderAnomalyDetected.class,
                        anomaly -> assertThat(anomaly.kind()).isEqualTo(kind));
    }

    /** An order in the row's status; refund events find the one refund their trigger needs. */
    private static Order orderFor(Rule rule) {
        AnOrder order = AnOrder.in(rule.from());
        return switch (rule.trigger()) {
            case REFUND_HELD ->
                order.withRefund(REFUND_NO, REFUND_FEN, RefundState.REQUESTED).build();
            case REFUND_UPDATE, REFUND_RELEASED ->
                order.withRefund(REFUND_NO, REFUND_FEN, RefundState.PROCESSING).build();
            case REFUND_STALE ->
                order.withRefund(REFUND_NO, REFUND_FEN, RefundState.SUCCESS).build();
            default -> order.build();
        };
    }

    /** The refund state each refund trigger's event reports. */
    private static RefundState refundChange(Trigger trigger) {
        return switch (trigger) {
            case REFUND_HELD -> RefundState.PROCESSING;
            case REFUND_UPDATE, REFUND_STALE -> RefundState.SUCCESS;
            case REFUND_RELEASED -> RefundState.CLOSED;
            default -> throw new IllegalArgumentException(trigger + " is no refund event");
        };
    }

    /** Fires the trigger as the service would: the call and the input that the aggregate classifies as it. */
    static List<OrderflowEvent> fire(Order order, Trigger trigger) {
        return switch (trigger) {
            case PAYMENT_REQUESTED -> order.paymentRequested(payParams(), CONTEXT);
            case PREPAY_FAILED, TIMEOUT_EXPIRED -> order.apply(trigger, CONTEXT);
            case PAID -> order.paymentNotified(AnOrder.paid(), CONTEXT);
            case PAID_MISMATCH ->
                order.paymentNotified(
                        AnOrder.payment(TradeState.SUCCESS)
                                .amount(Money.cny(AnOrder.TOTAL_FEN - 1))
                                .build(),
                        CONTEXT);
            case NOT_PAID ->
                order.paymentNotified(AnOrder.payment(TradeState.NOTPAY).build(), CONTEXT);
            case CLOSED_AT_WECHAT ->
                order.paymentNotified(AnOrder.payment(TradeState.CLOSED).build(), CONTEXT);
            case REFUND_REPORTED ->
                order.paymentNotified(AnOrder.payment(TradeState.REFUND).build(), CONTEXT);
            case SHOP_CLOSE -> order.close(CONTEXT);
            case SHOP_REFUND -> order.refund(new RefundOrder(REFUND_NO, REFUND_FEN, "test"), CONTEXT);
            case SHOP_REFUND_EXCEEDING ->
                order.refund(new RefundOrder(REFUND_NO, order.refundableFen() + 1, "test"), CONTEXT);
            case REFUND_HELD, REFUND_UPDATE, REFUND_RELEASED, REFUND_STALE ->
                order.refundChanged(
                        new RefundChange(REFUND_NO, refundChange(trigger), "5000" + REFUND_NO, null), CONTEXT);
        };
    }

    static PayParams payParams() {
        return new PayParams(AnOrder.APPID, "1733479200", "nonce", "prepay_id=wx1", "RSA", "c2lnbmF0dXJl");
    }

    /** What an order holds besides its terms, comparable before and after a change. */
    record Data(
            OrderStatus status,
            long refundedFen,
            String transactionId,
            Instant paidAt,
            Instant closeRequestedAt,
            PayParams payParams,
            long version,
            List<Refund> refunds) {

        static Data of(Order order) {
            OrderState s = order.state();
            return new Data(
                    s.status(),
                    s.refundedFen(),
                    s.transactionId(),
                    s.paidAt(),
                    s.closeRequestedAt(),
                    s.payParams(),
                    s.version(),
                    order.refunds());
        }

        /** The data a row's effect changes, without what its outcome changes. */
        Data withoutStatus() {
            return new Data(null, refundedFen, transactionId, paidAt, closeRequestedAt, payParams, 0, refunds);
        }
    }
}
