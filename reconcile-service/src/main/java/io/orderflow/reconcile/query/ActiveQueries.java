package io.orderflow.reconcile.query;

import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.PaymentRequested;
import io.orderflow.events.RefundSnapshot;
import io.orderflow.events.RefundStatus;
import io.orderflow.events.RefundSubmitted;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Starts and stops active queries inside the consumer's transaction; the worker runs them. */
public class ActiveQueries {

    /** A final status is the payment's verdict: the query stops. */
    private static final Set<String> VERDICT_NAMES =
            OrderStatus.finals().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Queries queries;
    private final QuerySchedule schedule;
    private final Clock clock;

    ActiveQueries(Queries queries, QuerySchedule schedule, Clock clock) {
        this.queries = queries;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Pay params exist: query the order until a verdict or its expiry (known from OrderCreated, when seen). */
    public void paymentRequested(PaymentRequested requested) {
        queries.start(
                Query.PAYMENT,
                requested.orderId(),
                requested.orderId(),
                requested.mchid(),
                null,
                null,
                clock.instant().plus(schedule.delay(0)),
                VERDICT_NAMES);
    }

    public void refundSubmitted(RefundSubmitted submitted) {
        if (submitted.status() == RefundStatus.PROCESSING) {
            queries.start(
                    Query.REFUND,
                    submitted.outRefundNo(),
                    submitted.orderId(),
                    submitted.mchid(),
                    null,
                    submitted.refund().fen(),
                    clock.instant().plus(schedule.delay(0)),
                    VERDICT_NAMES);
        }
    }

    /** Queries still active after {@code threshold}, oldest first (at most {@code limit}). */
    public List<StuckQuery> stuck(Duration threshold, int limit) {
        return queries.stuck(clock.instant().minus(threshold), limit);
    }

    /** A verdict stops the order's payment query; a refund no longer PROCESSING stops its refund query. */
    public void statusChanged(OrderStatusChanged changed) {
        if (changed.to().isFinal()) {
            queries.cancel(Query.PAYMENT, changed.orderId(), null);
        }
        for (RefundSnapshot refund : changed.order().refunds()) {
            if (refund.status() != RefundStatus.PROCESSING) {
                queries.cancel(Query.REFUND, changed.orderId(), refund.outRefundNo());
            }
        }
    }
}
