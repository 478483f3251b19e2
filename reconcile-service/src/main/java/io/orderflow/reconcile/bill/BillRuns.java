package io.orderflow.reconcile.bill;

import io.orderflow.events.DiscrepancyKind;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bill_run and bill_discrepancy tables. */
class BillRuns {

    private static final String RUN_COLUMNS = "run_id, mchid, bill_date, trigger, outcome, detail, bill_rows, "
            + "payment_rows, refund_rows, matched, discrepancies, repaired, held, wechat_success_fen, "
            + "wechat_refund_fen, local_success_fen, local_refund_fen, attempt, started_at, completed_at, retry_at";

    private final JdbcClient jdbc;

    BillRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new RUNNING run; a run of the same day still RUNNING (and not stale) refuses it. */
    String start(String mchid, LocalDate billDate, String trigger, int attempt, Instant now) {
        jdbc.sql("""
                update bill_run set outcome = 'ABANDONED', completed_at = ? where mchid = ? and bill_date = ?
                  and outcome = 'RUNNING' and started_at < ?""")
                .params(Timestamp.from(now), mchid, Date.valueOf(billDate), Timestamp.from(now.minusSeconds(3600)))
                .update();
        String runId = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    insert into bill_run (run_id, mchid, bill_date, trigger, outcome, attempt, started_at)
                    values (?, ?, ?, ?, 'RUNNING', ?, ?)""")
                    .params(runId, mchid, Date.valueOf(billDate), trigger, attempt, Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RunInProgress(mchid, billDate);
        }
        return runId;
    }

    void finish(
            String runId,
            RunOutcome outcome,
            String detail,
            Comparison result,
            long repaired,
            Instant retryAt,
            Instant now) {
        Comparison c = result == null ? new Comparison(0, 0, 0, 0, 0, 0, 0, 0, 0, List.of()) : result;
        jdbc.sql("""
                update bill_run set outcome = ?, detail = ?, bill_rows = ?, payment_rows = ?, refund_rows = ?,
                    matched = ?, discrepancies = ?, repaired = ?, held = ?, wechat_success_fen = ?,
                    wechat_refund_fen = ?, local_success_fen = ?, local_refund_fen = ?, retry_at = ?, completed_at = ?
                where run_id = ?""")
                .params(
                        outcome.name(),
                        detail,
                        c.rows(),
                        c.paymentRows(),
                        c.refundRows(),
                        c.matched(),
                        c.discrepancies().size(),
                        repaired,
                        c.held(),
                        c.wechatSuccessFen(),
                        c.wechatRefundFen(),
                        c.localSuccessFen(),
                        c.localRefundFen(),
                        retryAt == null ? null : Timestamp.from(retryAt),
                        Timestamp.from(now),
                        runId)
                .update();
    }

    /** Stores the discrepancy; true when this day never had it before (so it is announced now, once). */
    boolean record(String runId, String mchid, LocalDate billDate, Discrepancy d, Instant now) {
        return Boolean.TRUE.equals(jdbc.sql("""
                insert into bill_discrepancy (mchid, bill_date, kind, item_key, order_id, out_refund_no, transaction_id,
                    wechat_amount_fen, local_amount_fen, wechat_status, local_status, detail, repair, repaired,
                    first_run_id, last_run_id, found_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (mchid, bill_date, kind, item_key) do update set last_run_id = excluded.last_run_id,
                    repaired = bill_discrepancy.repaired or excluded.repaired
                returning (xmax = 0)""")
                .params(
                        mchid,
                        Date.valueOf(billDate),
                        d.kind().name(),
                        d.itemKey(),
                        d.orderId(),
                        d.outRefundNo(),
                        d.transactionId(),
                        d.wechatAmountFen(),
                        d.localAmountFen(),
                        d.wechatStatus(),
                        d.localStatus(),
                        d.detail(),
                        d.repair().name(),
                        d.repaired(),
                        runId,
                        runId,
                        Timestamp.from(now))
                .query(Boolean.class)
                .single());
    }

    /** The shop of an order as the ledger knows it (empty for an order the ledger never saw). */
    Optional<String> shopOf(String orderId) {
        return orderId == null
                ? Optional.empty()
                : jdbc.sql("select shop_id from ledger_order where order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .optional();
    }

    Optional<BillRun> latest(String mchid, LocalDate billDate) {
        return jdbc.sql("select " + RUN_COLUMNS + " from bill_run where mchid = ? and bill_date = ? "
                        + "order by started_at desc limit 1")
                .params(mchid, Date.valueOf(billDate))
                .query(BillRuns::run)
                .optional();
    }

    boolean settled(String mchid, LocalDate billDate) {
        return jdbc.sql("select count(*) from bill_run where mchid = ? and bill_date = ? "
                                + "and outcome in ('COMPLETED', 'NO_STATEMENT')")
                        .params(mchid, Date.valueOf(billDate))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The discrepancies that run found (again), in the order they were first found. */
    List<Discrepancy> discrepancies(String runId) {
        return jdbc.sql("""
                select kind, item_key, order_id, out_refund_no, transaction_id, wechat_amount_fen, local_amount_fen,
                       wechat_status, local_status, detail, repair, repaired
                from bill_discrepancy where last_run_id = ? order by found_at, kind, item_key""")
                .param(runId)
                .query((rs, i) -> new Discrepancy(
                        DiscrepancyKind.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Long) rs.getObject(6),
                        (Long) rs.getObject(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        Discrepancy.Repair.valueOf(rs.getString(11)),
                        rs.getBoolean(12)))
                .list();
    }

    /** Latest runs of their day that wait for a retry now due; each is handed out once (its retry cleared). */
    List<BillRun> takeDueRetries(Instant now) {
        List<BillRun> due = jdbc.sql("select " + RUN_COLUMNS + " from bill_run where retry_at <= ? "
                        + "order by retry_at for update skip locked")
                .param(Timestamp.from(now))
                .query(BillRuns::run)
                .list();
        due.forEach(run -> jdbc.sql("update bill_run set retry_at = null where run_id = ?")
                .param(run.runId())
                .update());
        return due;
    }

    private static BillRun run(ResultSet rs, int row) throws SQLException {
        return new BillRun(
                rs.getString(1),
                rs.getString(2),
                rs.getDate(3).toLocalDate(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getLong(13),
                rs.getLong(14),
                rs.getLong(15),
                rs.getLong(16),
                rs.getLong(17),
                rs.getInt(18),
                instant(rs.getTimestamp(19)),
                instant(rs.getTimestamp(20)),
                instant(rs.getTimestamp(21)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
