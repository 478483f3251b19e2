package io.orderflow.order.order.domain;

import static io.orderflow.events.OrderStatus.CLOSED;
import static io.orderflow.events.OrderStatus.FAILED;
import static io.orderflow.events.OrderStatus.PENDING;
import static io.orderflow.events.OrderStatus.REFUND;
import static io.orderflow.events.OrderStatus.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.OrderStatus;
import io.orderflow.platform.test.GeneratedFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table restated row by row from the lifecycle it was written from, its totality, and its generated diagram. */
class TransitionTableUnitTests {

    static Stream<Arguments> architectureRows() {
        return Stream.of(
                row(PENDING, Trigger.PAYMENT_REQUESTED, Outcome.NO_OP, PENDING, Effect.STORE_PAY_PARAMS),
                row(PENDING, Trigger.PREPAY_FAILED, Outcome.TRANSITION, FAILED, Effect.NONE),
                row(PENDING, Trigger.PAID, Outcome.TRANSITION, SUCCESS, Effect.RECORD_PAYMENT),
                row(PENDING, Trigger.PAID_MISMATCH, Outcome.ANOMALY, PENDING, Effect.RECORD_ANOMALY),
                row(PENDING, Trigger.NOT_PAID, Outcome.NO_OP, PENDING, Effect.NONE),
                row(PENDING, Trigger.CLOSED_AT_WECHAT, Outcome.TRANSITION, CLOSED, Effect.NONE),
                row(PENDING, Trigger.SHOP_CLOSE, Outcome.NO_OP, PENDING, Effect.REQUEST_CLOSE),
                row(PENDING, Trigger.TIMEOUT_EXPIRED, Outcome.TRANSITION, CLOSED, Effect.NONE),
                row(SUCCESS, Trigger.PAID, Outcome.NO_OP, SUCCESS, Effect.NONE),
                row(SUCCESS, Trigger.TIMEOUT_EXPIRED, Outcome.NO_OP, SUCCESS, Effect.NONE),
                // a requested refund is not yet held by WeChat: the order claims it only once accepted (docs/states)
                row(SUCCESS, Trigger.SHOP_REFUND, Outcome.NO_OP, SUCCESS, Effect.REQUEST_REFUND),
                row(REFUND, Trigger.SHOP_REFUND, Outcome.NO_OP, REFUND, Effect.REQUEST_REFUND),
                row(SUCCESS, Trigger.SHOP_REFUND_EXCEEDING, Outcome.REJECTION, SUCCESS, Effect.NONE),
                row(REFUND, Trigger.SHOP_REFUND_EXCEEDING, Outcome.REJECTION, REFUND, Effect.NONE),
                row(SUCCESS, Trigger.REFUND_HELD, Outcome.TRANSITION, REFUND, Effect.UPDATE_REFUND),
                row(SUCCESS, Trigger.REFUND_UPDATE, Outcome.NO_OP, SUCCESS, Effect.UPDATE_REFUND),
                row(REFUND, Trigger.REFUND_UPDATE, Outcome.TRANSITION, REFUND, Effect.UPDATE_REFUND),
                row(REFUND, Trigger.REFUND_RELEASED, Outcome.TRANSITION, SUCCESS, Effect.UPDATE_REFUND),
                row(
                        PENDING,
                        Trigger.REFUND_REPORTED,
                        Outcome.TRANSITION,
                        SUCCESS,
                        Effect.RECORD_PAYMENT_REPORTED_REFUNDED),
                row(
                        CLOSED,
                        Trigger.REFUND_REPORTED,
                        Outcome.TRANSITION,
                        SUCCESS,
                        Effect.RECORD_PAYMENT_REPORTED_REFUNDED),
                row(
                        FAILED,
                        Trigger.REFUND_REPORTED,
                        Outcome.TRANSITION,
                        SUCCESS,
                        Effect.RECORD_PAYMENT_REPORTED_REFUNDED),
                row(CLOSED, Trigger.PAID, Outcome.TRANSITION, SUCCESS, Effect.RECORD_PAYMENT_AFTER_CLOSE),
                row(FAILED, Trigger.PAID, Outcome.TRANSITION, SUCCESS, Effect.RECORD_PAYMENT_AFTER_CLOSE));
    }

    private static Arguments row(OrderStatus from, Trigger trigger, Outcome outcome, OrderStatus to, Effect effect) {
        return Arguments.of(from, trigger, outcome, to, effect);
    }

    @ParameterizedTest(name = "{0} + {1} → {2} {3}")
    @MethodSource("architectureRows")
    void followsArchitectureRow(OrderStatus from, Trigger trigger, Outcome outcome, OrderStatus to, Effect effect) {
        Rule rule = TransitionTable.rule(from, trigger);

        assertThat(rule.outcome()).isEqualTo(outcome);
        assertThat(rule.to()).isEqualTo(to);
        assertThat(rule.effect()).isEqualTo(effect);
    }

    @Test
    void hasExactlyOneRowForEveryStatusAndTrigger() {
        for (OrderStatus status : OrderStatus.values()) {
            for (Trigger trigger : Trigger.values()) {
                assertThat(TransitionTable.rules())
                        .as("%s + %s", status, trigger)
                        .filteredOn(rule -> rule.from() == status && rule.trigger() == trigger)
                        .hasSize(1);
            }
        }
        assertThat(TransitionTable.rules()).hasSize(OrderStatus.values().length * Trigger.values().length);
    }

    @Test
    void mismatchingPaymentIsAnAnomalyInEveryStatusAndNeverSuccess() {
        for (OrderStatus status : OrderStatus.values()) {
            Rule rule = TransitionTable.rule(status, Trigger.PAID_MISMATCH);
            assertThat(rule.outcome()).as("%s", status).isEqualTo(Outcome.ANOMALY);
            assertThat(rule.to()).isEqualTo(status);
        }
    }

    @Test
    void onlyShopRequestsAreRejected() {
        assertThat(TransitionTable.rules())
                .filteredOn(rule -> rule.outcome() == Outcome.REJECTION)
                .extracting(Rule::trigger)
                .allMatch(
                        trigger -> Arrays.asList(Trigger.SHOP_CLOSE, Trigger.SHOP_REFUND, Trigger.SHOP_REFUND_EXCEEDING)
                                .contains(trigger));
    }

    @Test
    void refundAboveRemainderIsRejectedWith422Code() {
        assertThat(TransitionTable.rule(SUCCESS, Trigger.SHOP_REFUND_EXCEEDING).reason())
                .isEqualTo("REFUND_AMOUNT_EXCEEDS_REMAINING");
    }

    @Test
    void staleAndDuplicateEventsAreNoOps() {
        assertThat(TransitionTable.rule(CLOSED, Trigger.TIMEOUT_EXPIRED).outcome())
                .isEqualTo(Outcome.NO_OP);
        assertThat(TransitionTable.rule(FAILED, Trigger.TIMEOUT_EXPIRED).outcome())
                .isEqualTo(Outcome.NO_OP);
        assertThat(TransitionTable.rule(CLOSED, Trigger.SHOP_CLOSE).outcome()).isEqualTo(Outcome.NO_OP);
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(TransitionTable.rule(status, Trigger.REFUND_STALE).outcome())
                    .isEqualTo(Outcome.NO_OP);
            assertThat(TransitionTable.rule(status, Trigger.NOT_PAID).outcome()).isEqualTo(Outcome.NO_OP);
        }
        assertThat(TransitionTable.rule(PENDING, Trigger.SHOP_REFUND).outcome()).isEqualTo(Outcome.REJECTION);
    }

    @Test
    void diagramInDocsIsUpToDate() {
        new GeneratedFile(Path.of("../docs/states/order.md"), "orderflow.docs.write")
                .assertUpToDate(OrderStateDiagram.render());
    }
}
