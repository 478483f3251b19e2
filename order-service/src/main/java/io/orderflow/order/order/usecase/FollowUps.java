package io.orderflow.order.order.usecase;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.order.order.domain.Context;
import io.orderflow.order.order.domain.FollowUp;
import io.orderflow.order.order.domain.Order;
import io.orderflow.order.order.domain.OrderRejectedException;
import io.orderflow.order.order.domain.SystemRefundNumbers;
import io.orderflow.order.order.store.Orders;
import io.orderflow.order.risk.RiskAlerts;
import io.orderflow.platform.work.DueWorker;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-ups of committed facts (Kill Bill's janitor, in small): stored with the fact, then each run in a
 * transaction of its own. A failed attempt rolls back to a savepoint, is counted
 * ({@code orderflow.follow-ups.failures{kind}}), retried with backoff and, after the configured attempts, alerted on
 * once (RiskAlertRaised AUTOMATIC_REFUND_FAILED); it never touches the fact, which stays committed. Rows are taken
 * with {@code for update skip locked}, so replicas share them and each runs once at a time.
 */
@Component
public class FollowUps {

    public static final String FAILURES = "orderflow.follow-ups.failures";
    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final JdbcClient jdbc;
    private final Orders orders;
    private final OrderEventPublisher events;
    private final RiskAlerts alerts;
    private final Clock clock;
    private final MeterRegistry meters;
    private final FollowUpProperties settings;
    private final ObjectProvider<DueWorker> worker;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;

    FollowUps(
            JdbcClient jdbc,
            Orders orders,
            OrderEventPublisher events,
            RiskAlerts alerts,
            Clock clock,
            MeterRegistry meters,
            FollowUpProperties settings,
            @Qualifier("followUpWorker") ObjectProvider<DueWorker> worker,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.events = events;
        this.alerts = alerts;
        this.clock = clock;
        this.meters = meters;
        this.settings = settings;
        this.worker = worker;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Stores follow-ups of an order in the current transaction (once per kind); the worker wakes after commit. */
    void schedule(String orderId, List<FollowUp> kinds, Instant now) {
        for (FollowUp kind : kinds) {
            jdbc.sql("insert into follow_up (order_id, kind, due_at, created_at) values (?, ?, ?, ?) "
                            + "on conflict do nothing")
                    .params(orderId, kind.name(), Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
        if (!kinds.isEmpty()) {
            worker.ifAvailable(DueWorker::wakeAfterCommit);
        }
    }

    /** Runs up to a batch of due follow-ups, each in its own transaction; returns how many were taken. */
    int runDue() {
        int taken = 0;
        while (taken < settings.batchSize() && Boolean.TRUE.equals(transactions.execute(status -> runOne()))) {
            taken++;
        }
        return taken;
    }

    private boolean runOne() {
        Optional<Due> due = jdbc.sql("select order_id, kind, attempts from follow_up where due_at <= ? "
                        + "order by due_at limit 1 for update skip locked")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Due(rs.getString(1), FollowUp.valueOf(rs.getString(2)), rs.getInt(3)))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        try {
            savepoint.executeWithoutResult(status -> perform(due.get()));
            jdbc.sql("delete from follow_up where order_id = ? and kind = ?")
                    .params(due.get().orderId(), due.get().kind().name())
                    .update();
        } catch (RuntimeException e) {
            failed(due.get(), e);
        }
        return true;
    }

    private void perform(Due due) {
        Order order =
                orders.lock(due.orderId()).orElseThrow(() -> new UnknownOrderException(due.orderId(), "follow-up"));
        String number = SystemRefundNumbers.paidAfterClose(due.orderId());
        orders.orderOfRefund(order.terms().mchid(), number)
                .filter(other -> !other.equals(due.orderId()))
                .ifPresent(other -> {
                    throw new OrderRejectedException(
                            "OUT_REFUND_NO_CONFLICT",
                            "out_refund_no " + number + " is already used by order " + other + " of mchid "
                                    + order.terms().mchid());
                });
        var caused = order.refundPaidAfterClose(new Context(clock.instant(), null, true));
        orders.save(order);
        events.publish(order, caused);
    }

    private void failed(Due due, RuntimeException e) {
        int attempts = due.attempts() + 1;
        Instant now = clock.instant();
        String error = String.valueOf(e.getMessage());
        jdbc.sql("update follow_up set attempts = ?, due_at = ?, last_error = ? where order_id = ? and kind = ?")
                .params(
                        attempts,
                        Timestamp.from(now.plus(settings.backoff(attempts))),
                        error,
                        due.orderId(),
                        due.kind().name())
                .update();
        meters.counter(FAILURES, "kind", due.kind().name()).increment();
        log.warn(
                "follow-up {} of order {} failed (attempt {}), retrying in {}: {}",
                due.kind(),
                due.orderId(),
                attempts,
                settings.backoff(attempts),
                error);
        if (attempts >= settings.alertAfterAttempts()
                && jdbc.sql("update follow_up set alerted = true " + "where order_id = ? and kind = ? and not alerted")
                                .params(due.orderId(), due.kind().name())
                                .update()
                        == 1) {
            alert(due, attempts, error, now);
        }
    }

    private void alert(Due due, int attempts, String error, Instant now) {
        Order order = orders.find(due.orderId()).orElseThrow();
        alerts.raise(new RiskAlertRaised(
                RiskAlertKind.AUTOMATIC_REFUND_FAILED + ":" + due.orderId(),
                RiskAlertKind.AUTOMATIC_REFUND_FAILED,
                order.terms().shopId(),
                order.terms().mchid(),
                due.orderId(),
                null,
                (long) attempts,
                (long) settings.alertAfterAttempts(),
                order.refundableFen(),
                order.terms().amount().fen(),
                null,
                null,
                null,
                null,
                "the automatic refund "
                        + SystemRefundNumbers.paidAfterClose(due.orderId()) + " of a payment after close failed "
                        + attempts
                        + " times and is still retried: " + error,
                now));
    }

    private record Due(String orderId, FollowUp kind, int attempts) {}
}
