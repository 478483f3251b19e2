package io.orderflow.reconcile.web;

import io.orderflow.reconcile.bill.BillDay;
import io.orderflow.reconcile.bill.BillRun;
import io.orderflow.reconcile.bill.Discrepancy;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.web.util.HtmlUtils;

/** The day's report as one self-contained HTML page; every value from data is escaped. */
final class BillReportPage {

    private static final String STYLE = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.num{text-align:right}";

    private BillReportPage() {}

    static String render(BillDay day) {
        BillRun run = day.run();
        StringBuilder html = head("Bill " + run.billDate() + " of " + run.mchid());
        html.append("<table>");
        row(html, "run", run.runId() + " (" + run.trigger() + ", attempt " + run.attempt() + ")");
        row(html, "outcome", run.outcome() + (run.detail() == null ? "" : ": " + run.detail()));
        row(html, "started / completed", run.startedAt() + " / " + run.completedAt());
        row(
                html,
                "bill rows (payments / refunds)",
                run.billRows() + " (" + run.paymentRows() + " / " + run.refundRows() + ")");
        row(
                html,
                "matched / discrepancies / repaired / held",
                run.matched() + " / " + run.discrepancies() + " / " + run.repaired() + " / " + run.held());
        row(
                html,
                "payments: WeChat / ledger (CNY)",
                yuan(run.wechatSuccessFen()) + " / " + yuan(run.localSuccessFen()));
        row(html, "refunds: WeChat / ledger (CNY)", yuan(run.wechatRefundFen()) + " / " + yuan(run.localRefundFen()));
        html.append("</table><h2>Discrepancies</h2>");
        if (day.discrepancies().isEmpty()) {
            return html.append("<p>None.</p></body></html>").toString();
        }
        html.append("<table><tr><th>kind</th><th>order</th><th>refund</th><th>transaction</th><th>WeChat</th>"
                + "<th>ledger</th><th>repaired</th><th>detail</th></tr>");
        day.discrepancies().forEach(d -> discrepancy(html, d));
        return html.append("</table></body></html>").toString();
    }

    static String notReconciled(String mchid, LocalDate date) {
        return head("Bill " + date + " of " + mchid)
                .append("<p>Not reconciled yet.</p></body></html>")
                .toString();
    }

    private static void discrepancy(StringBuilder html, Discrepancy d) {
        html.append("<tr>");
        cell(html, d.kind().name());
        cell(html, d.orderId());
        cell(html, d.outRefundNo());
        cell(html, d.transactionId());
        cell(html, side(d.wechatStatus(), d.wechatAmountFen()));
        cell(html, side(d.localStatus(), d.localAmountFen()));
        cell(html, d.repaired() ? "yes" : "no");
        cell(html, d.detail());
        html.append("</tr>");
    }

    private static StringBuilder head(String title) {
        String escaped = escape(title);
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escaped)
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><h1>")
                .append(escaped)
                .append("</h1>");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>")
                .append(escape(name))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>");
    }

    private static void cell(StringBuilder html, String value) {
        html.append("<td>").append(escape(value)).append("</td>");
    }

    private static String side(String status, Long fen) {
        String amount = fen == null ? "" : yuan(fen);
        return status == null ? amount : amount.isEmpty() ? status : status + " " + amount;
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
