package io.orderflow.simulator.bill;

import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders one merchant's trade bill for a China-time date: UTF-8 with BOM, CRLF after every line,
 * plain header lines, data fields prefixed with a back-quote, amounts in yuan. Paid orders appear
 * on the day of payment, refunds on the day they were requested; the fee is 0.60% rounded to fen. A refund
 * row's 交易时间 is the refund's request time in ALL bills and the payment's time in REFUND bills, whose
 * 退款申请时间 and 退款成功时间 columns carry the refund's own times.
 */
public final class TradeBill {

    static final String RATE = "0.60%";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BillType type;

    private final List<List<String>> rows = new ArrayList<>();

    private long settleTotal;

    private long refundTotal;

    private long feeTotal;

    private TradeBill(BillType type) {
        this.type = type;
    }

    /** The file bytes, or null when the merchant had no trade that day (NO_STATEMENT_EXIST). */
    public static byte[] render(BillType type, String mchid, LocalDate date, List<Order> orders) {
        TradeBill bill = new TradeBill(type);
        for (Order order : orders) {
            if (!order.mchid().equals(mchid)) {
                continue;
            }
            if (type.includesPayments() && on(order.successTime(), date)) {
                bill.payment(order);
            }
            for (Refund refund : type.includesRefunds() ? order.snapshotRefunds() : List.<Refund>of()) {
                if (on(refund.createdAt(), date)) {
                    bill.refund(refund);
                }
            }
        }
        return bill.rows.isEmpty() ? null : bill.bytes();
    }

    private void payment(Order order) {
        long fee = fee(order.total());
        List<String> row = common(order, order.successTime(), "SUCCESS");
        row.addAll(List.of(yuan(order.total()), "0.00"));
        if (type == BillType.ALL) {
            row.addAll(List.of("0", "0", "0.00", "0.00", "", ""));
        }
        row.addAll(List.of(order.description(), nullToEmpty(order.attach()), feeYuan(fee), RATE, yuan(order.total())));
        if (type == BillType.ALL) {
            row.add("0.00");
        }
        row.add("");
        settleTotal += order.total();
        feeTotal += fee;
        rows.add(row);
    }

    private void refund(Refund refund) {
        Order order = refund.order();
        long fee = -fee(refund.amount());
        // REFUND bills date the row by the payment and give the refund's times their own columns; ALL bills
        // date it by the refund (both as in real bills, see README)
        Instant at = type == BillType.REFUND ? order.successTime() : refund.createdAt();
        List<String> row = common(order, at, "REFUND");
        row.addAll(List.of("0.00", "0.00"));
        if (type == BillType.REFUND) {
            row.addAll(List.of(time(refund.createdAt()), time(refund.successTime())));
        }
        row.addAll(List.of(
                refund.refundId(),
                refund.outRefundNo(),
                yuan(refund.amount()),
                "0.00",
                "ORIGINAL",
                refund.status().name(),
                order.description(),
                nullToEmpty(order.attach()),
                feeYuan(fee),
                RATE,
                "0.00",
                yuan(refund.amount()),
                ""));
        refundTotal += refund.amount();
        feeTotal += fee;
        rows.add(row);
    }

    private static List<String> common(Order order, Instant at, String state) {
        return new ArrayList<>(List.of(
                time(at),
                order.appid(),
                order.mchid(),
                "0",
                "",
                order.transactionId(),
                order.outTradeNo(),
                order.openid(),
                "JSAPI",
                state,
                "OTHERS",
                "CNY"));
    }

    private byte[] bytes() {
        var out = new StringBuilder("\uFEFF").append(type.detailHeader()).append("\r\n");
        rows.forEach(row -> out.append(quoted(row)).append("\r\n"));
        out.append(type.summaryHeader())
                .append("\r\n")
                .append(quoted(summary()))
                .append("\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> summary() {
        String count = String.valueOf(rows.size());
        if (type == BillType.SUCCESS) {
            return List.of(count, yuan(settleTotal), feeYuan(feeTotal), yuan(settleTotal));
        }
        return List.of(
                count,
                yuan(settleTotal),
                yuan(refundTotal),
                "0.00",
                feeYuan(feeTotal),
                yuan(settleTotal),
                yuan(refundTotal));
    }

    private static String quoted(List<String> fields) {
        return "`" + String.join(",`", fields);
    }

    static long fee(long fen) {
        return BigDecimal.valueOf(fen)
                .multiply(new BigDecimal("0.006"))
                .setScale(0, RoundingMode.HALF_UP)
                .longValue();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String feeYuan(long fen) {
        return BigDecimal.valueOf(fen, 2).setScale(5, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(Ids.CHINA));
    }

    private static boolean on(Instant at, LocalDate date) {
        return at != null && at.atZone(Ids.CHINA).toLocalDate().equals(date);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
