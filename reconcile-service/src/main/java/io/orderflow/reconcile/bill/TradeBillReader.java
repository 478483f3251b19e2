package io.orderflow.reconcile.bill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a trade bill line by line, never the whole file: UTF-8 with a BOM, CRLF line ends, a plain detail
 * header, detail lines whose every field starts with a back-quote, a plain summary header and one back-quoted
 * summary line. Columns are found by their header names, so ALL, SUCCESS and REFUND bills read alike.
 */
final class TradeBillReader implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BufferedReader lines;
    private final BillLayout layout;
    private final Map<String, Integer> columns = new HashMap<>();
    private BillSummary summary;
    private long lineNumber = 1;

    TradeBillReader(InputStream in) throws IOException {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = lines.readLine();
        if (header == null) {
            throw new MalformedBill("empty bill");
        }
        List<String> names = Arrays.asList((header.startsWith("\uFEFF") ? header.substring(1) : header).split(",", -1));
        this.layout = BillLayout.of(names);
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i);
        }
    }

    BillLayout layout() {
        return layout;
    }

    /** The next detail line, or null after the last one (the summary is then available). */
    BillRow next() throws IOException {
        if (summary != null) {
            return null;
        }
        String line = lines.readLine();
        lineNumber++;
        if (line == null) {
            throw new MalformedBill("bill ends without its summary");
        }
        if (!line.startsWith("`")) {
            summary = summary(line);
            return null;
        }
        return row(fields(line, columns.size()));
    }

    /** The summary line; only after {@link #next()} returned null. */
    BillSummary summary() {
        if (summary == null) {
            throw new IllegalStateException("the summary follows the detail lines");
        }
        return summary;
    }

    private BillRow row(String[] f) {
        return new BillRow(
                time(f),
                text(f, "公众账号ID"),
                text(f, "商户号"),
                text(f, "微信订单号"),
                text(f, "商户订单号"),
                text(f, "交易状态"),
                fen(f, "应结订单金额"),
                fen(f, "代金券金额"),
                text(f, "微信退款单号"),
                text(f, "商户退款单号"),
                fen(f, "退款金额"),
                fen(f, "充值券退款金额"),
                text(f, "退款状态"),
                yuan(f, "手续费"),
                fen(f, "订单金额"),
                fen(f, "申请退款金额"));
    }

    /**
     * The summary line, read by its header's names like the detail lines: SUCCESS bills come with the documented
     * four columns and, in real third-party bills, with ALL's seven; a column a bill leaves out counts zero.
     */
    private BillSummary summary(String header) throws IOException {
        String line = lines.readLine();
        lineNumber++;
        if (line == null || !line.startsWith("`")) {
            throw new MalformedBill("line " + lineNumber + ": summary header '" + header + "' without its data line");
        }
        List<String> names = Arrays.asList(header.split(",", -1));
        String[] f = fields(line, names.size());
        for (String required : List.of("总交易单数", "应结订单总金额", "手续费总金额", "订单总金额")) {
            if (!names.contains(required)) {
                throw new MalformedBill("line " + (lineNumber - 1) + ": summary header without " + required);
            }
        }
        return new BillSummary(
                count(f[names.indexOf("总交易单数")]),
                summaryFen(names, f, "应结订单总金额"),
                summaryFen(names, f, "退款总金额"),
                summaryFen(names, f, "充值券退款总金额"),
                Yuan.decimal(f[names.indexOf("手续费总金额")]),
                summaryFen(names, f, "订单总金额"),
                summaryFen(names, f, "申请退款总金额"));
    }

    private static long summaryFen(List<String> names, String[] fields, String column) {
        int index = names.indexOf(column);
        return index < 0 ? 0 : Yuan.fen(fields[index]);
    }

    /** Splits on ",`" (a comma inside a field, such as a description, is not followed by a back-quote). */
    private String[] fields(String line, int expected) {
        String[] fields = line.substring(1).split(",`", -1);
        if (fields.length != expected) {
            throw new MalformedBill("line " + lineNumber + ": " + fields.length + " fields, expected " + expected);
        }
        return fields;
    }

    private LocalDateTime time(String[] fields) {
        String value = text(fields, "交易时间");
        try {
            return LocalDateTime.parse(value == null ? "" : value, TIME);
        } catch (DateTimeParseException e) {
            throw new MalformedBill("line " + lineNumber + ": trade time '" + value + "'");
        }
    }

    private String text(String[] fields, String column) {
        Integer index = columns.get(column);
        return index == null || fields[index].isEmpty() ? null : fields[index];
    }

    private long fen(String[] fields, String column) {
        return Yuan.fen(text(fields, column));
    }

    private BigDecimal yuan(String[] fields, String column) {
        return Yuan.decimal(text(fields, column));
    }

    private long count(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedBill("line " + lineNumber + ": row count '" + value + "'");
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
