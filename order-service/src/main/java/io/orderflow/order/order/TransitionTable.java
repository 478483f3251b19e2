package io.orderflow.order.order;

import static io.orderflow.events.OrderStatus.CLOSED;
import static io.orderflow.events.OrderStatus.FAILED;
import static io.orderflow.events.OrderStatus.PENDING;
import static io.orderflow.events.OrderStatus.REFUND;
import static io.orderflow.events.OrderStatus.SUCCESS;
import static io.orderflow.order.order.Trigger.CLOSED_AT_WECHAT;
import static io.orderflow.order.order.Trigger.NOT_PAID;
import static io.orderflow.order.order.Trigger.PAID;
import static io.orderflow.order.order.Trigger.PAID_MISMATCH;
import static io.orderflow.order.order.Trigger.PAYMENT_REQUESTED;
import static io.orderflow.order.order.Trigger.PREPAY_FAILED;
import static io.orderflow.order.order.Trigger.REFUND_HELD;
import static io.orderflow.order.order.Trigger.REFUND_RELEASED;
import static io.orderflow.order.order.Trigger.REFUND_REPORTED;
import static io.orderflow.order.order.Trigger.REFUND_STALE;
import static io.orderflow.order.order.Trigger.REFUND_UPDATE;
import static io.orderflow.order.order.Trigger.SHOP_CLOSE;
import static io.orderflow.order.order.Trigger.SHOP_REFUND;
import static io.orderflow.order.order.Trigger.SHOP_REFUND_EXCEEDING;
import static io.orderflow.order.order.Trigger.TIMEOUT_EXPIRED;

import io.orderflow.events.OrderStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The order lifecycle of ARCHITECTURE.md §3 as data: every (status, trigger) pair has exactly
 * one row. Rows §3 lists are marked "§3"; the others are this service's choices:
 * <ul>
 * <li>late PaymentRequested/PrepayFailed after PENDING, duplicate or stale payment results,
 * TimeoutExpired outside PENDING (stale: the order was paid or already closed), and refund events
 * in a status that has no refunds are no-ops;</li>
 * <li>a mismatching SUCCESS is an anomaly in every status (never SUCCESS from it);</li>
 * <li>shop close: CLOSED/FAILED → no-op (already final), SUCCESS/REFUND → rejected
 * {@code ORDER_NOT_CLOSABLE}; shop refund on PENDING/CLOSED/FAILED → rejected {@code ORDER_NOT_PAID};</li>
 * <li>PaymentNotified CLOSED after SUCCESS/REFUND/FAILED is stale and a no-op;</li>
 * <li>REFUND means WeChat holds a refund of the order (PROCESSING, SUCCESS or ABNORMAL): a shop's refund request
 * changes no status, the first refund WeChat accepts makes the order REFUND, and the order is SUCCESS again when
 * every refund ended closed or rejected without money leaving (ADR 0014, docs/states/order.md);</li>
 * <li>PaymentNotified REFUND for an order not paid here records the payment first, with an anomaly.</li>
 * </ul>
 */
public final class TransitionTable {

    static final String REFUND_AMOUNT_EXCEEDS_REMAINING = "REFUND_AMOUNT_EXCEEDS_REMAINING";
    static final String ORDER_NOT_PAID = "ORDER_NOT_PAID";
    static final String ORDER_NOT_CLOSABLE = "ORDER_NOT_CLOSABLE";

    private static final List<Rule> RULES = build();
    private static final Map<OrderStatus, Map<Trigger, Rule>> INDEX = index(RULES);

    private TransitionTable() {
    }

    /** Every row, in the order written. */
    public static List<Rule> rules() {
        return RULES;
    }

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>();
        // PENDING
        rules.add(noOp(PENDING, PAYMENT_REQUESTED, "PAY_PARAMS_STORED", Effect.STORE_PAY_PARAMS)); // §3
        rules.add(to(PENDING, PREPAY_FAILED, FAILED, "PREPAY_FAILED", Effect.NONE)); // §3
        rules.add(to(PENDING, PAID, SUCCESS, "PAID", Effect.RECORD_PAYMENT)); // §3
        rules.add(anomaly(PENDING)); // §3
        rules.add(noOp(PENDING, NOT_PAID, "NOT_PAID_YET", Effect.NONE)); // §3
        rules.add(to(PENDING, CLOSED_AT_WECHAT, CLOSED, "CLOSED_AT_WECHAT", Effect.NONE)); // §3
        rules.add(to(PENDING, REFUND_REPORTED, SUCCESS, "PAID_REPORTED_REFUNDED", Effect.RECORD_PAYMENT_REPORTED_REFUNDED));
        rules.add(noOp(PENDING, SHOP_CLOSE, "CLOSE_REQUESTED", Effect.REQUEST_CLOSE)); // §3
        rules.add(to(PENDING, TIMEOUT_EXPIRED, CLOSED, "TIMEOUT_EXPIRED", Effect.NONE)); // §3
        rules.add(reject(PENDING, SHOP_REFUND, ORDER_NOT_PAID));
        rules.add(reject(PENDING, SHOP_REFUND_EXCEEDING, ORDER_NOT_PAID));
        // SUCCESS and REFUND
        for (OrderStatus paid : List.of(SUCCESS, REFUND)) {
            rules.add(noOp(paid, PAYMENT_REQUESTED, "STALE", Effect.NONE));
            rules.add(noOp(paid, PREPAY_FAILED, "STALE", Effect.NONE));
            rules.add(noOp(paid, PAID, "DUPLICATE", Effect.NONE)); // §3
            rules.add(anomaly(paid));
            rules.add(noOp(paid, NOT_PAID, "STALE", Effect.NONE));
            rules.add(noOp(paid, CLOSED_AT_WECHAT, "STALE", Effect.NONE));
            rules.add(noOp(paid, REFUND_REPORTED, "INFORMATIONAL", Effect.NONE));
            rules.add(reject(paid, SHOP_CLOSE, ORDER_NOT_CLOSABLE));
            rules.add(noOp(paid, TIMEOUT_EXPIRED, "STALE", Effect.NONE)); // §3
            // a requested refund is not held by WeChat yet: the status follows REFUND_HELD, not the request
            rules.add(noOp(paid, SHOP_REFUND, "REFUND_REQUESTED", Effect.REQUEST_REFUND)); // §3, ADR 0014
            rules.add(reject(paid, SHOP_REFUND_EXCEEDING, REFUND_AMOUNT_EXCEEDS_REMAINING)); // §3
        }
        rules.add(to(SUCCESS, REFUND_HELD, REFUND, "REFUND_ACCEPTED", Effect.UPDATE_REFUND)); // ADR 0014
        rules.add(noOp(SUCCESS, REFUND_UPDATE, "REFUND_UPDATED", Effect.UPDATE_REFUND));
        rules.add(noOp(SUCCESS, REFUND_RELEASED, "REFUND_UPDATED", Effect.UPDATE_REFUND));
        rules.add(to(REFUND, REFUND_HELD, REFUND, "REFUND_UPDATED", Effect.UPDATE_REFUND));
        rules.add(to(REFUND, REFUND_UPDATE, REFUND, "REFUND_UPDATED", Effect.UPDATE_REFUND)); // §3
        rules.add(to(REFUND, REFUND_RELEASED, SUCCESS, "REFUNDS_ENDED_UNPAID", Effect.UPDATE_REFUND)); // ADR 0014
        // CLOSED and FAILED
        for (OrderStatus over : List.of(CLOSED, FAILED)) {
            rules.add(noOp(over, PAYMENT_REQUESTED, "STALE", Effect.NONE));
            rules.add(noOp(over, PREPAY_FAILED, "STALE", Effect.NONE));
            rules.add(to(over, PAID, SUCCESS, "PAID_AFTER_CLOSE", Effect.RECORD_PAYMENT_AFTER_CLOSE)); // §3
            rules.add(anomaly(over));
            rules.add(noOp(over, NOT_PAID, "STALE", Effect.NONE));
            rules.add(noOp(over, CLOSED_AT_WECHAT, over == CLOSED ? "DUPLICATE" : "STALE", Effect.NONE));
            rules.add(to(over, REFUND_REPORTED, SUCCESS, "PAID_REPORTED_REFUNDED", Effect.RECORD_PAYMENT_REPORTED_REFUNDED));
            rules.add(noOp(over, SHOP_CLOSE, "ALREADY_FINAL", Effect.NONE));
            rules.add(noOp(over, TIMEOUT_EXPIRED, over == CLOSED ? "DUPLICATE" : "STALE", Effect.NONE));
            rules.add(reject(over, SHOP_REFUND, ORDER_NOT_PAID));
            rules.add(reject(over, SHOP_REFUND_EXCEEDING, ORDER_NOT_PAID));
            for (Trigger refundChange : List.of(REFUND_HELD, REFUND_UPDATE, REFUND_RELEASED)) {
                rules.add(noOp(over, refundChange, "STALE", Effect.NONE));
            }
        }
        for (Trigger refundChange : List.of(REFUND_HELD, REFUND_UPDATE, REFUND_RELEASED)) {
            rules.add(noOp(PENDING, refundChange, "STALE", Effect.NONE));
        }
        for (OrderStatus status : OrderStatus.values()) {
            rules.add(noOp(status, REFUND_STALE, "DUPLICATE", Effect.NONE));
        }
        return List.copyOf(rules);
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

    private static Rule to(OrderStatus from, Trigger trigger, OrderStatus to, String reason, Effect effect) {
        return new Rule(from, trigger, Outcome.TRANSITION, to, reason, effect);
    }

    private static Rule noOp(OrderStatus from, Trigger trigger, String reason, Effect effect) {
        return new Rule(from, trigger, Outcome.NO_OP, from, reason, effect);
    }

    private static Rule anomaly(OrderStatus from) {
        return new Rule(from, PAID_MISMATCH, Outcome.ANOMALY, from, "PAYMENT_MISMATCH", Effect.RECORD_ANOMALY);
    }

    private static Rule reject(OrderStatus from, Trigger trigger, String code) {
        return new Rule(from, trigger, Outcome.REJECTION, from, code, Effect.NONE);
    }
}
