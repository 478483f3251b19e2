package io.orderflow.payment.refund;

import io.orderflow.payment.work.DueTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code refund_submission} table. */
class RefundSubmissions {

    private final JdbcClient jdbc;
    private final DueTable due;

    RefundSubmissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.due = new DueTable(jdbc, "refund_submission");
    }

    /** The table's due rows, for its worker. */
    DueTable due() {
        return due;
    }

    /** Records a submission due now; false when this out_refund_no is known already. */
    boolean insert(RefundSubmission refund, Instant now) {
        return jdbc.sql("""
                insert into refund_submission (mchid, out_refund_no, order_id, refund_fen, total_fen, currency,
                                               reason, notify_url, status, next_attempt_at, trace_parent)
                values (:mchid, :outRefundNo, :orderId, :refundFen, :totalFen, :currency, :reason, :notifyUrl,
                        'SUBMITTING', :now, :traceParent)
                on conflict (mchid, out_refund_no) do nothing""")
                        .param("mchid", refund.mchid())
                        .param("outRefundNo", refund.outRefundNo())
                        .param("orderId", refund.orderId())
                        .param("refundFen", refund.refundFen())
                        .param("totalFen", refund.totalFen())
                        .param("currency", refund.currency())
                        .param("reason", refund.reason())
                        .param("notifyUrl", refund.notifyUrl())
                        .param("now", Timestamp.from(now))
                        .param("traceParent", refund.traceParent())
                        .update()
                == 1;
    }

    /** Locks up to {@code limit} due rows for the caller's transaction, skipping rows other workers hold. */
    List<RefundSubmission> claimDue(Instant now, int limit) {
        return due.claimDue(now, limit, RefundSubmissions::map);
    }

    void submitted(RefundSubmission refund, String refundId, String refundStatus) {
        finish(refund, "SUBMITTED", refundId, refundStatus, null);
    }

    void rejected(RefundSubmission refund, String error) {
        finish(refund, "REJECTED", null, null, error);
    }

    void retryLater(RefundSubmission refund, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                update refund_submission set attempts = :attempts, next_attempt_at = :next, last_error = :error,
                       updated_at = clock_timestamp()
                where mchid = :mchid and out_refund_no = :outRefundNo""")
                .param("attempts", attempts)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("error", error)
                .param("mchid", refund.mchid())
                .param("outRefundNo", refund.outRefundNo())
                .update();
    }

    private void finish(RefundSubmission refund, String status, String refundId, String refundStatus, String error) {
        jdbc.sql("""
                update refund_submission set status = :status, refund_id = :refundId, refund_status = :refundStatus,
                       last_error = :error, next_attempt_at = null, updated_at = clock_timestamp()
                where mchid = :mchid and out_refund_no = :outRefundNo""")
                .param("status", status)
                .param("refundId", refundId)
                .param("refundStatus", refundStatus)
                .param("error", error)
                .param("mchid", refund.mchid())
                .param("outRefundNo", refund.outRefundNo())
                .update();
    }

    private static RefundSubmission map(ResultSet rs, int row) throws SQLException {
        return new RefundSubmission(
                rs.getString("mchid"),
                rs.getString("out_refund_no"),
                rs.getString("order_id"),
                rs.getLong("refund_fen"),
                rs.getLong("total_fen"),
                rs.getString("currency"),
                rs.getString("reason"),
                rs.getString("notify_url"),
                rs.getInt("attempts"),
                rs.getString("trace_parent"));
    }
}
