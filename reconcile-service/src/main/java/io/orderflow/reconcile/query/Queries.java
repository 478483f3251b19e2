package io.orderflow.reconcile.query;

import io.orderflow.platform.work.DueWorker;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The active_query table. */
class Queries {

    private final JdbcClient jdbc;

    Queries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the earliest active query is due, for the worker's idle wait. */
    Supplier<Optional<Instant>> nextDue() {
        return DueWorker.earliest(jdbc, "select min(due_at) from active_query where state = 'ACTIVE'");
    }

    /**
     * Starts a query; one seen before (active, done or cancelled) is left as it is. A payment query without an
     * end takes the order's expiry from its expiry timer, when OrderCreated was seen.
     */
    boolean start(
            String kind,
            String key,
            String orderId,
            String mchid,
            Instant untilAt,
            Long refundFen,
            Instant dueAt,
            java.util.Set<String> verdicts) {
        // the status topic and the payment events are separate topics: the order's verdict (or the refund's end)
        // may already be in the ledger, and then there is nothing left to find out
        return jdbc.sql("""
                insert into active_query (kind, query_key, order_id, mchid, until_at, refund_fen, state, due_at)
                select :kind, :key, :orderId, :mchid,
                        coalesce(cast(:untilAt as timestamptz), (select expire_at from expiry_timer where order_id = :orderId
                                            and :kind = 'PAYMENT')),
                        :refundFen, 'ACTIVE', :dueAt
                where not (:kind = 'PAYMENT' and exists (select 1 from ledger_order
                                                         where order_id = :orderId and status = any(:verdicts)))
                  and not (:kind = 'REFUND' and exists (select 1 from ledger_refund
                                                        where out_refund_no = :key and status <> 'PROCESSING'))
                on conflict do nothing""")
                        .param("kind", kind)
                        .param("key", key)
                        .param("orderId", orderId)
                        .param("mchid", mchid)
                        .param("untilAt", untilAt == null ? null : Timestamp.from(untilAt))
                        .param("refundFen", refundFen)
                        .param("dueAt", Timestamp.from(dueAt))
                        .param("verdicts", verdicts.toArray(String[]::new))
                        .update()
                == 1;
    }

    /**
     * Stops the active query of this kind for the order (key null: the payment query, keyed by the order id) or for
     * one refund. When it has not started yet, a CANCELLED row is left in its place, so a start that a transaction
     * of the other topic is making at the same moment meets the row and does nothing: the start's insert and this
     * one conflict on the key, and the later waits for the earlier to commit.
     */
    void cancel(String kind, String orderId, String key) {
        jdbc.sql("""
                insert into active_query (kind, query_key, order_id, mchid, state, due_at, outcome)
                values (:kind, coalesce(cast(:key as text), :orderId), :orderId,
                        coalesce((select mchid from ledger_order where order_id = :orderId), ''), 'CANCELLED',
                        clock_timestamp(), 'SETTLED')
                on conflict (kind, query_key) do update set state = 'CANCELLED', outcome = 'SETTLED',
                    updated_at = clock_timestamp()
                where active_query.state = 'ACTIVE'""")
                .param("kind", kind)
                .param("orderId", orderId)
                .param("key", key)
                .update();
    }

    List<Query> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                select kind, query_key, order_id, mchid, until_at, refund_fen, step from active_query
                where state = 'ACTIVE' and due_at <= :now
                order by due_at limit :limit
                for update skip locked""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, i) -> new Query(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        (Long) rs.getObject(6),
                        rs.getInt(7)))
                .list();
    }

    /** Active queries started before the cutoff: orders or refunds WeChat has not settled. */
    List<StuckQuery> stuck(Instant startedBefore, int limit) {
        return jdbc.sql("""
                select kind, query_key, order_id, mchid, created_at, step, outcome from active_query
                where state = 'ACTIVE' and created_at < ? order by created_at limit ?""")
                .params(Timestamp.from(startedBefore), limit)
                .query((rs, i) -> new StuckQuery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getInt(6),
                        rs.getString(7)))
                .list();
    }

    /** Active queries of this kind started before the cutoff. */
    long countStuck(String kind, Instant startedBefore) {
        return jdbc.sql("select count(*) from active_query where state = 'ACTIVE' and kind = ? and created_at < ?")
                .params(kind, Timestamp.from(startedBefore))
                .query(Long.class)
                .single();
    }

    void done(Query query, String outcome) {
        jdbc.sql("""
                update active_query set state = 'DONE', outcome = ?, step = step + 1, updated_at = clock_timestamp()
                where kind = ? and query_key = ?""").params(outcome, query.kind(), query.key()).update();
    }

    void next(Query query, Instant dueAt, String outcome) {
        jdbc.sql("""
                update active_query set step = step + 1, due_at = ?, outcome = ?, updated_at = clock_timestamp()
                where kind = ? and query_key = ?""")
                .params(Timestamp.from(dueAt), outcome, query.kind(), query.key())
                .update();
    }
}
