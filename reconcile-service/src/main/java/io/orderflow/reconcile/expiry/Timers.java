package io.orderflow.reconcile.expiry;

import io.orderflow.events.CloseReason;
import io.orderflow.platform.work.DueWorker;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The expiry_timer table. */
class Timers {

    private final JdbcClient jdbc;

    Timers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the earliest armed timer is due, for the worker's idle wait. */
    Supplier<Optional<Instant>> nextDue() {
        return DueWorker.earliest(jdbc, "select min(due_at) from expiry_timer where state = 'ARMED'");
    }

    /** Arms a timer at expireAt; an order seen before (armed, fired, done or cancelled) keeps its row. */
    boolean arm(String orderId, String mchid, Instant expireAt) {
        return jdbc.sql("""
                insert into expiry_timer (order_id, mchid, expire_at, close_reason, state, due_at)
                values (:orderId, :mchid, :expireAt, 'EXPIRED', 'ARMED', :expireAt)
                on conflict do nothing""")
                        .param("orderId", orderId)
                        .param("mchid", mchid)
                        .param("expireAt", micros(expireAt))
                        .update()
                == 1;
    }

    /** Makes the timer due now for this reason, arming one when OrderCreated has not been seen yet. */
    void fireNow(String orderId, String mchid, CloseReason reason, Instant requestedAt) {
        jdbc.sql("""
                insert into expiry_timer (order_id, mchid, expire_at, close_reason, state, due_at)
                values (:orderId, :mchid, :at, :reason, 'ARMED', :at)
                on conflict (order_id) do update set close_reason = :reason, due_at = least(expiry_timer.due_at, :at),
                    updated_at = clock_timestamp()
                where expiry_timer.state = 'ARMED'""")
                .param("orderId", orderId)
                .param("mchid", mchid)
                .param("reason", reason.name())
                .param("at", Timestamp.from(requestedAt))
                .update();
    }

    /** The order is settled: an armed timer will not fire (and one that never was, never will). */
    void cancel(String orderId, Instant expireAt) {
        jdbc.sql("""
                insert into expiry_timer (order_id, mchid, expire_at, close_reason, state, due_at, outcome)
                values (:orderId, '', :expireAt, 'EXPIRED', 'CANCELLED', :expireAt, 'TERMINAL_STATUS')
                on conflict (order_id) do update set state = 'CANCELLED', outcome = 'TERMINAL_STATUS',
                    updated_at = clock_timestamp()
                where expiry_timer.state = 'ARMED'""")
                .param("orderId", orderId)
                .param("expireAt", Timestamp.from(expireAt))
                .update();
    }

    /** Locks up to {@code limit} due timers that no other worker holds. */
    List<Timer> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                select order_id, mchid, expire_at, close_reason, attempts from expiry_timer
                where state = 'ARMED' and due_at <= :now
                order by due_at limit :limit
                for update skip locked""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, i) -> new Timer(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        CloseReason.valueOf(rs.getString(4)),
                        rs.getInt(5)))
                .list();
    }

    /** PostgreSQL keeps microseconds and would round: truncating keeps the instant the event carries predictable. */
    private static Timestamp micros(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** Armed timers, and those of them already past their due time. */
    long armed(boolean overdueOnly) {
        return jdbc.sql("select count(*) from expiry_timer where state = 'ARMED'"
                        + (overdueOnly ? " and due_at < now()" : ""))
                .query(Long.class)
                .single();
    }

    /** Armed timers due longer ago than the cutoff: WeChat has not let them settle. */
    List<OverdueTimer> overdue(Instant dueBefore, int limit) {
        return jdbc.sql("""
                select order_id, mchid, due_at, attempts, outcome from expiry_timer
                where state = 'ARMED' and due_at < ? order by due_at limit ?""")
                .params(Timestamp.from(dueBefore), limit)
                .query((rs, i) -> new OverdueTimer(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getInt(4),
                        rs.getString(5)))
                .list();
    }

    void done(String orderId, String outcome) {
        jdbc.sql(
                        "update expiry_timer set state = 'DONE', outcome = ?, updated_at = clock_timestamp() where order_id = ?")
                .params(outcome, orderId)
                .update();
    }

    void retryAt(String orderId, int attempts, Instant dueAt, String outcome) {
        jdbc.sql("""
                update expiry_timer set attempts = ?, due_at = ?, outcome = ?, updated_at = clock_timestamp()
                where order_id = ?""").params(attempts, Timestamp.from(dueAt), outcome, orderId).update();
    }
}
