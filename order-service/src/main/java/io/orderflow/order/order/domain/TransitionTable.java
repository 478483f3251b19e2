package io.orderflow.order.order.domain;

import static io.orderflow.events.OrderStatus.CLOSED;
import static io.orderflow.events.OrderStatus.FAILED;
import static io.orderflow.events.OrderStatus.PENDING;
import static io.orderflow.events.OrderStatus.REFUND;
import static io.orderflow.events.OrderStatus.SUCCESS;
import static io.orderflow.order.order.domain.Effect.NONE;
import static io.orderflow.order.order.domain.Effect.RECORD_ANOMALY;
import static io.orderflow.order.order.domain.Effect.RECORD_PAYMENT;
import static io.orderflow.order.order.domain.Effect.RECORD_PAYMENT_AFTER_CLOSE;
import static io.orderflow.order.order.domain.Effect.RECORD_PAYMENT_REPORTED_REFUNDED;
import static io.orderflow.order.order.domain.Effect.REQUEST_CLOSE;
import static io.orderflow.order.order.domain.Effect.REQUEST_REFUND;
import static io.orderflow.order.order.domain.Effect.STORE_PAY_PARAMS;
import static io.orderflow.order.order.domain.Effect.UPDATE_REFUND;
import static io.orderflow.order.order.domain.Outcome.ANOMALY;
import static io.orderflow.order.order.domain.Outcome.NO_OP;
import static io.orderflow.order.order.domain.Outcome.REJECTION;
import static io.orderflow.order.order.domain.Outcome.TRANSITION;
import static io.orderflow.order.order.domain.Trigger.CLOSED_AT_WECHAT;
import static io.orderflow.order.order.domain.Trigger.NOT_PAID;
import static io.orderflow.order.order.domain.Trigger.PAID;
import static io.orderflow.order.order.domain.Trigger.PAID_MISMATCH;
import static io.orderflow.order.order.domain.Trigger.PAYMENT_REQUESTED;
import static io.orderflow.order.order.domain.Trigger.PREPAY_FAILED;
import static io.orderflow.order.order.domain.Trigger.REFUND_HELD;
import static io.orderflow.order.order.domain.Trigger.REFUND_RELEASED;
import static io.orderflow.order.order.domain.Trigger.REFUND_REPORTED;
import static io.orderflow.order.order.domain.Trigger.REFUND_STALE;
import static io.orderflow.order.order.domain.Trigger.REFUND_UPDATE;
import static io.orderflow.order.order.domain.Trigger.SHOP_CLOSE;
import static io.orderflow.order.order.domain.Trigger.SHOP_REFUND;
import static io.orderflow.order.order.domain.Trigger.SHOP_REFUND_EXCEEDING;
import static io.orderflow.order.order.domain.Trigger.TIMEOUT_EXPIRED;

import io.orderflow.events.OrderStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The order lifecycle (docs/states/order.md, generated from it) as data: every (status, trigger) pair has exactly
 * one row, written out below in status order, then trigger order. Rows §3 lists are marked "§3"; the others are
 * this service's choices:
 * <ul>
 * <li>late PaymentRequested/PrepayFailed after PENDING, duplicate or stale payment results,
 * TimeoutExpired outside PENDING (stale: the order was paid or already closed), and refund events
 * in a status that has no refunds are no-ops;</li>
 * <li>a mismatching SUCCESS is an anomaly in every status (never SUCCESS from it);</li>
 * <li>shop close: CLOSED/FAILED → no-op (already final), SUCCESS/REFUND → rejected
 * {@code ORDER_NOT_CLOSABLE}; shop refund on PENDING/CLOSED/FAILED → rejected {@code ORDER_NOT_PAID};</li>
 * <li>PaymentNotified CLOSED after SUCCESS/REFUND/FAILED is stale and a no-op;</li>
 * <li>REFUND means WeChat holds a refund of the order (PROCESSING, SUCCESS or ABNORMAL): a shop's refund request
 * changes no status (it is not held by WeChat yet: the status follows REFUND_HELD, not the request), the first
 * refund WeChat accepts makes the order REFUND, and the order is SUCCESS again when every refund ended closed or
 * rejected without money leaving (ADR 0014, docs/states/order.md);</li>
 * <li>PaymentNotified REFUND for an order not paid here records the payment first, with an anomaly.</li>
 * </ul>
 * {@link Order} honours every column: the outcome and {@code to} in one place, the effect in one {@code switch}.
 */
public final class TransitionTable {

    static final String REFUND_AMOUNT_EXCEEDS_REMAINING = "REFUND_AMOUNT_EXCEEDS_REMAINING";
    static final String ORDER_NOT_PAID = "ORDER_NOT_PAID";
    static final String ORDER_NOT_CLOSABLE = "ORDER_NOT_CLOSABLE";

    /** The {@code to} of a row that keeps the status. */
    private static final OrderStatus SAME = null;

    // the table is laid out in columns by hand; the formatter leaves it so (spotless:off ... spotless:on)
    // spotless:off
    private static final List<Rule> RULES = List.of(
        //  status   trigger                  outcome     to       reason or error code         effect
        row(PENDING, PAYMENT_REQUESTED,      NO_OP,      SAME,    "PAY_PARAMS_STORED",        STORE_PAY_PARAMS), // §3
        row(PENDING, PREPAY_FAILED,          TRANSITION, FAILED,  "PREPAY_FAILED",            NONE), // §3
        row(PENDING, PAID,                   TRANSITION, SUCCESS, "PAID",                     RECORD_PAYMENT), // §3
        row(PENDING, PAID_MISMATCH,          ANOMALY,    SAME,    "PAYMENT_MISMATCH",         RECORD_ANOMALY), // §3
        row(PENDING, NOT_PAID,               NO_OP,      SAME,    "NOT_PAID_YET",             NONE), // §3
        row(PENDING, CLOSED_AT_WECHAT,       TRANSITION, CLOSED,  "CLOSED_AT_WECHAT",         NONE), // §3
        row(PENDING, REFUND_REPORTED,        TRANSITION, SUCCESS, "PAID_REPORTED_REFUNDED",   RECORD_PAYMENT_REPORTED_REFUNDED),
        row(PENDING, SHOP_CLOSE,             NO_OP,      SAME,    "CLOSE_REQUESTED",          REQUEST_CLOSE), // §3
        row(PENDING, TIMEOUT_EXPIRED,        TRANSITION, CLOSED,  "TIMEOUT_EXPIRED",          NONE), // §3
        row(PENDING, SHOP_REFUND,            REJECTION,  SAME,    "ORDER_NOT_PAID",           NONE),
        row(PENDING, SHOP_REFUND_EXCEEDING,  REJECTION,  SAME,    "ORDER_NOT_PAID",           NONE),
        row(PENDING, REFUND_HELD,            NO_OP,      SAME,    "STALE",                    NONE),
        row(PENDING, REFUND_UPDATE,          NO_OP,      SAME,    "STALE",                    NONE),
        row(PENDING, REFUND_RELEASED,        NO_OP,      SAME,    "STALE",                    NONE),
        row(PENDING, REFUND_STALE,           NO_OP,      SAME,    "DUPLICATE",                NONE),

        row(SUCCESS, PAYMENT_REQUESTED,      NO_OP,      SAME,    "STALE",                    NONE),
        row(SUCCESS, PREPAY_FAILED,          NO_OP,      SAME,    "STALE",                    NONE),
        row(SUCCESS, PAID,                   NO_OP,      SAME,    "DUPLICATE",                NONE), // §3
        row(SUCCESS, PAID_MISMATCH,          ANOMALY,    SAME,    "PAYMENT_MISMATCH",         RECORD_ANOMALY),
        row(SUCCESS, NOT_PAID,               NO_OP,      SAME,    "STALE",                    NONE),
        row(SUCCESS, CLOSED_AT_WECHAT,       NO_OP,      SAME,    "STALE",                    NONE),
        row(SUCCESS, REFUND_REPORTED,        NO_OP,      SAME,    "INFORMATIONAL",            NONE),
        row(SUCCESS, SHOP_CLOSE,             REJECTION,  SAME,    "ORDER_NOT_CLOSABLE",       NONE),
        row(SUCCESS, TIMEOUT_EXPIRED,        NO_OP,      SAME,    "STALE",                    NONE), // §3
        row(SUCCESS, SHOP_REFUND,            NO_OP,      SAME,    "REFUND_REQUESTED",         REQUEST_REFUND), // §3, ADR 0014
        row(SUCCESS, SHOP_REFUND_EXCEEDING,  REJECTION,  SAME,    "REFUND_AMOUNT_EXCEEDS_REMAINING",NONE), // §3
        row(SUCCESS, REFUND_HELD,            TRANSITION, REFUND,  "REFUND_ACCEPTED",          UPDATE_REFUND), // ADR 0014
        row(SUCCESS, REFUND_UPDATE,          NO_OP,      SAME,    "REFUND_UPDATED",           UPDATE_REFUND),
        row(SUCCESS, REFUND_RELEASED,        NO_OP,      SAME,    "REFUND_UPDATED",           UPDATE_REFUND),
        row(SUCCESS, REFUND_STALE,           NO_OP,      SAME,    "DUPLICATE",                NONE),

        row(REFUND,  PAYMENT_REQUESTED,      NO_OP,      SAME,    "STALE",                    NONE),
        row(REFUND,  PREPAY_FAILED,          NO_OP,      SAME,    "STALE",                    NONE),
        row(REFUND,  PAID,                   NO_OP,      SAME,    "DUPLICATE",                NONE), // §3
        row(REFUND,  PAID_MISMATCH,          ANOMALY,    SAME,    "PAYMENT_MISMATCH",         RECORD_ANOMALY),
        row(REFUND,  NOT_PAID,               NO_OP,      SAME,    "STALE",                    NONE),
        row(REFUND,  CLOSED_AT_WECHAT,       NO_OP,      SAME,    "STALE",                    NONE),
        row(REFUND,  REFUND_REPORTED,        NO_OP,      SAME,    "INFORMATIONAL",            NONE),
        row(REFUND,  SHOP_CLOSE,             REJECTION,  SAME,    "ORDER_NOT_CLOSABLE",       NONE),
        row(REFUND,  TIMEOUT_EXPIRED,        NO_OP,      SAME,    "STALE",                    NONE), // §3
        row(REFUND,  SHOP_REFUND,            NO_OP,      SAME,    "REFUND_REQUESTED",         REQUEST_REFUND), // §3, ADR 0014
        row(REFUND,  SHOP_REFUND_EXCEEDING,  REJECTION,  SAME,    "REFUND_AMOUNT_EXCEEDS_REMAINING",NONE), // §3
        row(REFUND,  REFUND_HELD,            TRANSITION, REFUND,  "REFUND_UPDATED",           UPDATE_REFUND),
        row(REFUND,  REFUND_UPDATE,          TRANSITION, REFUND,  "REFUND_UPDATED",           UPDATE_REFUND), // §3
        row(REFUND,  REFUND_RELEASED,        TRANSITION, SUCCESS, "REFUNDS_ENDED_UNPAID",     UPDATE_REFUND), // ADR 0014
        row(REFUND,  REFUND_STALE,           NO_OP,      SAME,    "DUPLICATE",                NONE),

        row(CLOSED,  PAYMENT_REQUESTED,      NO_OP,      SAME,    "STALE",                    NONE),
        row(CLOSED,  PREPAY_FAILED,          NO_OP,      SAME,    "STALE",                    NONE),
        row(CLOSED,  PAID,                   TRANSITION, SUCCESS, "PAID_AFTER_CLOSE",         RECORD_PAYMENT_AFTER_CLOSE), // §3
        row(CLOSED,  PAID_MISMATCH,          ANOMALY,    SAME,    "PAYMENT_MISMATCH",         RECORD_ANOMALY),
        row(CLOSED,  NOT_PAID,               NO_OP,      SAME,    "STALE",                    NONE),
        row(CLOSED,  CLOSED_AT_WECHAT,       NO_OP,      SAME,    "DUPLICATE",                NONE),
        row(CLOSED,  REFUND_REPORTED,        TRANSITION, SUCCESS, "PAID_REPORTED_REFUNDED",   RECORD_PAYMENT_REPORTED_REFUNDED),
        row(CLOSED,  SHOP_CLOSE,             NO_OP,      SAME,    "ALREADY_FINAL",            NONE),
        row(CLOSED,  TIMEOUT_EXPIRED,        NO_OP,      SAME,    "DUPLICATE",                NONE),
        row(CLOSED,  SHOP_REFUND,            REJECTION,  SAME,    "ORDER_NOT_PAID",           NONE),
        row(CLOSED,  SHOP_REFUND_EXCEEDING,  REJECTION,  SAME,    "ORDER_NOT_PAID",           NONE),
        row(CLOSED,  REFUND_HELD,            NO_OP,      SAME,    "STALE",                    NONE),
        row(CLOSED,  REFUND_UPDATE,          NO_OP,      SAME,    "STALE",                    NONE),
        row(CLOSED,  REFUND_RELEASED,        NO_OP,      SAME,    "STALE",                    NONE),
        row(CLOSED,  REFUND_STALE,           NO_OP,      SAME,    "DUPLICATE",                NONE),

        row(FAILED,  PAYMENT_REQUESTED,      NO_OP,      SAME,    "STALE",                    NONE),
        row(FAILED,  PREPAY_FAILED,          NO_OP,      SAME,    "STALE",                    NONE),
        row(FAILED,  PAID,                   TRANSITION, SUCCESS, "PAID_AFTER_CLOSE",         RECORD_PAYMENT_AFTER_CLOSE), // §3
        row(FAILED,  PAID_MISMATCH,          ANOMALY,    SAME,    "PAYMENT_MISMATCH",         RECORD_ANOMALY),
        row(FAILED,  NOT_PAID,               NO_OP,      SAME,    "STALE",                    NONE),
        row(FAILED,  CLOSED_AT_WECHAT,       NO_OP,      SAME,    "STALE",                    NONE),
        row(FAILED,  REFUND_REPORTED,        TRANSITION, SUCCESS, "PAID_REPORTED_REFUNDED",   RECORD_PAYMENT_REPORTED_REFUNDED),
        row(FAILED,  SHOP_CLOSE,             NO_OP,      SAME,    "ALREADY_FINAL",            NONE),
        row(FAILED,  TIMEOUT_EXPIRED,        NO_OP,      SAME,    "STALE",                    NONE),
        row(FAILED,  SHOP_REFUND,            REJECTION,  SAME,    "ORDER_NOT_PAID",           NONE),
        row(FAILED,  SHOP_REFUND_EXCEEDING,  REJECTION,  SAME,    "ORDER_NOT_PAID",           NONE),
        row(FAILED,  REFUND_HELD,            NO_OP,      SAME,    "STALE",                    NONE),
        row(FAILED,  REFUND_UPDATE,          NO_OP,      SAME,    "STALE",                    NONE),
        row(FAILED,  REFUND_RELEASED,        NO_OP,      SAME,    "STALE",                    NONE),
        row(FAILED,  REFUND_STALE,           NO_OP,      SAME,    "DUPLICATE",                NONE)
    );
    // spotless:on

    private static final Map<OrderStatus, Map<Trigger, Rule>> INDEX = index(RULES);

    private TransitionTable() {}

    /** Every row, in the order written. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** The one row for this pair. */
    public static Rule rule(OrderStatus from, Trigger trigger) {
        Rule rule = INDEX.get(from).get(trigger);
        if (rule == null) {
            throw new IllegalStateException("the transition table has no row for " + from + " + " + trigger);
        }
        return rule;
    }

    private static Map<OrderStatus, Map<Trigger, Rule>> index(List<Rule> rules) {
        Map<OrderStatus, Map<Trigger, Rule>> index = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            index.put(status, new EnumMap<>(Trigger.class));
        }
        rules.forEach(rule -> index.get(rule.from()).putIfAbsent(rule.trigger(), rule));
        return index;
    }

    /** A row; only a transition names a {@code to}, every other outcome keeps the status ({@link #SAME}). */
    private static Rule row(
            OrderStatus from, Trigger trigger, Outcome outcome, OrderStatus to, String reason, Effect effect) {
        if ((outcome == TRANSITION) == (to == SAME)) {
            throw new IllegalStateException(from + " + " + trigger + ": a " + outcome + " row "
                    + (to == SAME ? "needs" : "cannot have") + " a status to go to");
        }
        return new Rule(from, trigger, outcome, to == SAME ? from : to, reason, effect);
    }
}
