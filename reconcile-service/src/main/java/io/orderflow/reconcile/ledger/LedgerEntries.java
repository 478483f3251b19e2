package io.orderflow.reconcile.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What bill reconciliation reads from the ledger, in batches, and the marks it leaves (billed on which day). */
public class LedgerEntries {

    private static final String ORDER_COLUMNS =
            "order_id, mchid, status, amount_fen, transaction_id, paid_at, pay_date, billed_date";
    private static final String REFUND_COLUMNS = "r.out_refund_no, r.order_id, o.mchid, r.amount_fen, r.status, "
            + "r.refund_id, r.requested_at, r.request_date, r.billed_date";

    private final JdbcClient jdbc;

    LedgerEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, LedgerOrder> orders(Collection<String> orderIds) {
        return jdbc
                .sql("select " + ORDER_COLUMNS + " from ledger_order where order_id = any(?)")
                .param(orderIds.toArray(String[]::new))
                .query(LedgerEntries::order)
                .list()
                .stream()
                .collect(Collectors.toMap(LedgerOrder::orderId, Function.identity()));
    }

    public Map<String, LedgerRefund> refunds(Collection<String> outRefundNos) {
        return jdbc
                .sql("select " + REFUND_COLUMNS + " from ledger_refund r join ledger_order o using (order_id) "
                        + "where r.out_refund_no = any(?)")
                .param(outRefundNos.toArray(String[]::new))
                .query(LedgerEntries::refund)
                .list()
                .stream()
                .collect(Collectors.toMap(LedgerRefund::outRefundNo, Function.identity()));
    }

    /** The bill of {@code billDate} holds these payments; the first bill that does stays recorded. */
    public void markPaymentsBilled(Collection<String> orderIds, LocalDate billDate) {
        jdbc.sql("update ledger_order set billed_date = ? where order_id = any(?) and billed_date is null")
                .params(Date.valueOf(billDate), orderIds.toArray(String[]::new))
                .update();
    }

    public void markRefundsBilled(Collection<String> outRefundNos, LocalDate billDate) {
        jdbc.sql("update ledger_refund set billed_date = ? where out_refund_no = any(?) and billed_date is null")
                .params(Date.valueOf(billDate), outRefundNos.toArray(String[]::new))
                .update();
    }

    /** Paid orders of the merchant paid on these days that no reconciled bill has shown yet. */
    public List<LedgerOrder> unbilledPayments(String mchid, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from ledger_order where mchid = ? and pay_date between ? and ? "
                        + "and billed_date is null and status in ('SUCCESS', 'REFUND') order by paid_at")
                .params(mchid, Date.valueOf(from), Date.valueOf(to))
                .query(LedgerEntries::order)
                .list();
    }

    /** Refunds WeChat accepted, requested on these days, that no reconciled bill has shown yet. */
    public List<LedgerRefund> unbilledRefunds(String mchid, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + REFUND_COLUMNS + " from ledger_refund r join ledger_order o using (order_id) "
                        + "where o.mchid = ? and r.request_date between ? and ? and r.refund_id is not null "
                        + "and r.billed_date is null order by r.requested_at")
                .params(mchid, Date.valueOf(from), Date.valueOf(to))
                .query(LedgerEntries::refund)
                .list();
    }

    /** The day's totals in fen: payments of orders paid that day, refunds WeChat accepted requested that day. */
    public record Totals(long paidFen, long refundedFen) {}

    public Totals totals(String mchid, LocalDate day) {
        long paid = jdbc.sql("select coalesce(sum(amount_fen), 0) from ledger_order where mchid = ? and pay_date = ? "
                        + "and status in ('SUCCESS', 'REFUND')")
                .params(mchid, Date.valueOf(day))
                .query(Long.class)
                .single();
        long refunded = jdbc.sql("select coalesce(sum(r.amount_fen), 0) from ledger_refund r join ledger_order o "
                        + "using (order_id) where o.mchid = ? and r.request_date = ? and r.refund_id is not null")
                .params(mchid, Date.valueOf(day))
                .query(Long.class)
                .single();
        return new Totals(paid, refunded);
    }

    private static LedgerOrder order(ResultSet rs, int row) throws SQLException {
        return new LedgerOrder(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                localDate(rs.getDate(7)),
                localDate(rs.getDate(8)));
    }

    private static LedgerRefund refund(ResultSet rs, int row) throws SQLException {
        return new LedgerRefund(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                localDate(rs.getDate(8)),
                localDate(rs.getDate(9)));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
