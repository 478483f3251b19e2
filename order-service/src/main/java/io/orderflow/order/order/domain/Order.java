package io.orderflow.order.order.domain;

import io.orderflow.events.AnomalyKind;
import io.orderflow.events.CloseReason;
import io.orderflow.events.CloseRequested;
import io.orderflow.events.Money;
import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderSnapshot;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.RefundRequested;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order aggregate with its refunds. Every change goes through a row of
 * {@link TransitionTable}; each method returns the events to append to the outbox in the same
 * transaction (FTGO's result-with-events): a transition adds exactly one OrderStatusChanged.
 */
public class Order {

    private final OrderTerms terms;
    private final OrderState state;
    private final List<Refund> refunds;
    private final List<FollowUp> followUps = new ArrayList<>();

    public Order(OrderTerms terms, OrderState state, List<Refund> refunds) {
        this.terms = terms;
        this.state = state;
        this.refunds = new ArrayList<>(refunds);
    }

    /** A new PENDING order (version 1) and the events announcing it. */
    public static Order create(OrderTerms terms) {
        return new Order(terms, OrderState.initial(), List.of());
    }

    public List<OrderflowEvent> creationEvents() {
        OrderTerms t = terms;
        OrderCreated created = new OrderCreated(
                t.orderId(),
                t.shopId(),
                t.shopOrderNo(),
                t.mchid(),
                t.appid(),
                t.description(),
                t.amount(),
                t.payerOpenid(),
                t.attach(),
                t.createdAt(),
                t.expireAt());
        return List.of(created, statusChanged(null, "CREATED", null, t.createdAt()));
    }

    public OrderTerms terms() {
        return terms;
    }

    public OrderState state() {
        return state;
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    public OrderStatus status() {
        return state.status();
    }

    /** total − refunded − in flight: what a new refund may take at most. */
    public long refundableFen() {
        long inFlight = refunds.stream()
                .filter(r -> r.state().inFlight())
                .mapToLong(r -> r.amount().fen())
                .sum();
        return terms.amount().fen() - state.refundedFen() - inFlight;
    }

    public List<OrderflowEvent> paymentRequested(PayParams payParams, Context context) {
        return transition(Trigger.PAYMENT_REQUESTED, Facts.payParams(payParams), context);
    }

    public List<OrderflowEvent> apply(Trigger trigger, Context context) {
        return transition(trigger, Facts.NONE, context);
    }

    public List<OrderflowEvent> paymentNotified(PaymentNotified notified, Context context) {
        PaymentCheck check = PaymentCheck.of(terms, notified);
        return transition(check.trigger(), Facts.payment(notified, check), context);
    }

    /** The follow-ups the last change asked for, to be stored in its transaction; emptied by the call. */
    public List<FollowUp> takeFollowUps() {
        List<FollowUp> taken = List.copyOf(followUps);
        followUps.clear();
        return taken;
    }

    /**
     * The automatic refund of a payment after close: what remains refundable, under a system refund number. Nothing
     * when it was requested before or nothing remains (the shop refunded meanwhile).
     */
    public List<OrderflowEvent> refundPaidAfterClose(Context context) {
        String number = SystemRefundNumbers.paidAfterClose(terms.orderId());
        long remaining = refundableFen();
        if (refund(number).isPresent() || remaining == 0) {
            return List.of();
        }
        return refund(new RefundOrder(number, remaining, "paid after the order was closed"), context);
    }

    public List<OrderflowEvent> close(Context context) {
        return transition(Trigger.SHOP_CLOSE, Facts.NONE, context);
    }

    /** Refunds; a retry with the same out_refund_no and amount changes nothing. */
    public List<OrderflowEvent> refund(RefundOrder order, Context context) {
        Optional<Refund> existing = refund(order.outRefundNo());
        if (existing.isPresent()) {
            if (existing.get().amount().fen() != order.amountFen()) {
                throw new OrderRejectedException(
                        "OUT_REFUND_NO_CONFLICT",
                        "out_refund_no " + order.outRefundNo() + " was already used for a refund of "
                                + existing.get().amount().fen() + " fen");
            }
            return List.of();
        }
        Trigger trigger = order.amountFen() <= refundableFen() ? Trigger.SHOP_REFUND : Trigger.SHOP_REFUND_EXCEEDING;
        return transition(trigger, Facts.refund(order), context);
    }

    public List<OrderflowEvent> refundChanged(RefundChange change, Context context) {
        Optional<Refund> current =
                refund(change.outRefundNo()).filter(r -> r.state().canBecome(change.state()));
        if (current.isEmpty()) {
            return transition(Trigger.REFUND_STALE, Facts.NONE, context);
        }
        Refund before = current.get();
        Refund changed = before.changedBy(change);
        boolean othersHeld =
                refunds.stream().anyMatch(r -> r != before && r.state().held());
        boolean heldBefore = othersHeld || before.state().held();
        boolean heldAfter = othersHeld || changed.state().held();
        Trigger trigger = heldBefore == heldAfter
                ? Trigger.REFUND_UPDATE
                : heldAfter ? Trigger.REFUND_HELD : Trigger.REFUND_RELEASED;
        return transition(trigger, Facts.refundChange(before, changed), context);
    }

    /**
     * The one place a change happens: the trigger's row is read, a rejection refused, the row's effect applied by
     * the one {@code switch} over {@link Effect}, and a transition takes the row's {@code to} with its status event
     * (after the effect's events).
     */
    private List<OrderflowEvent> transition(Trigger trigger, Facts facts, Context context) {
        Rule rule = TransitionTable.rule(status(), trigger);
        if (rule.outcome() == Outcome.REJECTION) {
            throw new OrderRejectedException(rule.reason(), Rejections.message(rule, this));
        }
        List<OrderflowEvent> events = new ArrayList<>(
                switch (rule.effect()) {
                    case NONE -> List.<OrderflowEvent>of();
                    case STORE_PAY_PARAMS -> storePayParams(facts.payParams());
                    case RECORD_PAYMENT -> recordPayment(facts.payment(), context);
                    case RECORD_PAYMENT_AFTER_CLOSE -> recordPaymentAfterClose(facts.payment(), facts.check(), context);
                    case RECORD_PAYMENT_REPORTED_REFUNDED ->
                        recordPaymentReportedRefunded(facts.payment(), facts.check(), context);
                    case RECORD_ANOMALY ->
                        List.of(anomaly(
                                facts.check().anomaly(),
                                facts.check().detail(),
                                facts.check().reportedFen(),
                                context));
                    case REQUEST_CLOSE -> requestClose(context);
                    case REQUEST_REFUND -> requestRefund(facts.refund(), context);
                    case UPDATE_REFUND -> updateRefund(facts.refundBefore(), facts.refundAfter(), context);
                });
        if (rule.outcome() == Outcome.TRANSITION) {
            OrderStatus from = status();
            state.transition(rule.to());
            events.add(statusChanged(from, rule.reason(), context.causationId(), context.now()));
        }
        return events;
    }

    private List<OrderflowEvent> storePayParams(PayParams payParams) {
        state.payParams(payParams);
        return List.of();
    }

    private List<OrderflowEvent> recordPayment(PaymentNotified notified, Context context) {
        state.paid(notified.transactionId(), notified.successTime() != null ? notified.successTime() : context.now());
        return List.of();
    }

    private List<OrderflowEvent> recordPaymentAfterClose(
            PaymentNotified notified, PaymentCheck check, Context context) {
        OrderflowEvent anomaly = anomaly(
                AnomalyKind.PAID_AFTER_CLOSE,
                "paid at WeChat after the order was " + status(),
                check.reportedFen(),
                context);
        recordPayment(notified, context);
        if (context.refundPaidAfterClose()) {
            followUps.add(FollowUp.AUTOMATIC_REFUND);
        }
        return List.of(anomaly);
    }

    private List<OrderflowEvent> recordPaymentReportedRefunded(
            PaymentNotified notified, PaymentCheck check, Context context) {
        OrderflowEvent anomaly = anomaly(
                AnomalyKind.REFUND_REPORTED_UNPAID,
                "WeChat reports the trade paid and " + "refunded while the order was " + status() + " here",
                check.reportedFen(),
                context);
        recordPayment(notified, context);
        return List.of(anomaly);
    }

    /** CloseRequested once: a second close while reconcile-service closes the order asks nothing new. */
    private List<OrderflowEvent> requestClose(Context context) {
        if (state.closeRequestedAt() != null) {
            return List.of();
        }
        state.closeRequested(context.now());
        return List.of(new CloseRequested(terms.orderId(), terms.mchid(), CloseReason.SHOP_REQUEST, context.now()));
    }

    private List<OrderflowEvent> requestRefund(RefundOrder order, Context context) {
        Money amount = new Money(order.amountFen(), terms.amount().currency());
        refunds.add(Refund.requested(order.outRefundNo(), amount, order.reason(), context.now()));
        return List.of(new RefundRequested(
                terms.orderId(),
                terms.mchid(),
                order.outRefundNo(),
                state.transactionId(),
                amount,
                terms.amount(),
                order.reason(),
                context.now()));
    }

    private List<OrderflowEvent> updateRefund(Refund before, Refund changed, Context context) {
        refunds.set(refunds.indexOf(before), changed);
        if (changed.state() == RefundState.SUCCESS) {
            state.refunded(changed.amount().fen());
        }
        List<OrderflowEvent> events = new ArrayList<>();
        if (changed.state() == RefundState.ABNORMAL) {
            events.add(anomaly(
                    AnomalyKind.REFUND_ABNORMAL,
                    "refund " + changed.outRefundNo() + " is ABNORMAL",
                    changed.amount().fen(),
                    context));
        }
        if (before.state() == RefundState.REJECTED && changed.state().held()) {
            events.add(anomaly(
                    AnomalyKind.REFUND_AFTER_REJECTION,
                    "refund " + changed.outRefundNo() + " was rejected at submission, WeChat reports it "
                            + changed.state(),
                    changed.amount().fen(),
                    context));
        }
        return events;
    }

    private Optional<Refund> refund(String outRefundNo) {
        return refunds.stream().filter(r -> r.outRefundNo().equals(outRefundNo)).findFirst();
    }

    private OrderAnomalyDetected anomaly(AnomalyKind kind, String detail, Long reportedFen, Context context) {
        return new OrderAnomalyDetected(
                terms.orderId(),
                terms.shopId(),
                kind,
                detail,
                terms.amount().fen(),
                reportedFen,
                context.causationId(),
                context.now());
    }

    private OrderStatusChanged statusChanged(OrderStatus from, String reason, String causationId, Instant now) {
        return new OrderStatusChanged(
                terms.orderId(),
                terms.shopId(),
                terms.shopOrderNo(),
                state.version(),
                from,
                status(),
                reason,
                causationId,
                now,
                snapshot(),
                terms.notifyUrl());
    }

    OrderSnapshot snapshot() {
        return new OrderSnapshot(
                status(),
                terms.amount(),
                new Money(state.refundedFen(), terms.amount().currency()),
                state.transactionId(),
                state.paidAt(),
                terms.expireAt(),
                refunds.stream().map(Refund::snapshot).toList());
    }
}
