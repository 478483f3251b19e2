package io.orderflow.simulator.bill;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.ledger.ApiError;
import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.ledger.Ledger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a trade bill exists, as at WeChat: a day's bill is generated from 09:00 China time the next day (on the
 * trade clock, {@link SimulatedTime#tradeNow()}), at its first application from then on, and kept: every later
 * download serves the same bytes, whatever happened to the day's trades since. Before that the application
 * answers {@code 400 STATEMENT_CREATING}. {@code simulator.bills-before-ready} (demos) renders a day that is not
 * ready yet, today included, from the ledger as it stands at each application, without keeping it.
 */
public class Bills {

    /** WeChat generates a day's bills from this time the next day (WeChat Pay's trade bill download documentation). */
    public static final LocalTime GENERATED_FROM = LocalTime.of(9, 0);

    private record Key(String mchid, LocalDate date, BillType type) {}

    /** A generated bill; {@code bytes} null when the merchant had no trade of that type (NO_STATEMENT_EXIST). */
    private record Generated(byte[] bytes) {}

    private final Ledger ledger;

    private final SimulatedTime time;

    private final boolean beforeReady;

    private final Map<Key, Generated> generated = new ConcurrentHashMap<>();

    public Bills(Ledger ledger, SimulatedTime time, boolean beforeReady) {
        this.ledger = ledger;
        this.time = time;
        this.beforeReady = beforeReady;
    }

    /**
     * The file of that merchant's day and type; {@code 400 STATEMENT_CREATING} before it is generated,
     * {@code 400 NO_STATEMENT_EXIST} for a day without such trades, {@code 400 PARAM_ERROR} for a date in the
     * future or more than three months back (both on the trade clock).
     */
    public byte[] file(String mchid, LocalDate date, BillType type) {
        Instant now = time.tradeNow();
        LocalDate today = now.atZone(Ids.CHINA).toLocalDate();
        if (date.isAfter(today) || date.isBefore(today.minusMonths(3))) {
            throw ApiError.paramError("bill_date", "query", "bill_date 只能是三个月以内的日期");
        }
        byte[] bytes;
        if (now.isBefore(readyAt(date))) {
            if (!beforeReady) {
                throw new ApiError(400, "STATEMENT_CREATING", "账单生成中");
            }
            bytes = TradeBill.render(type, mchid, date, ledger.orders());
        } else {
            bytes = generated
                    .computeIfAbsent(
                            new Key(mchid, date, type),
                            key -> new Generated(TradeBill.render(type, mchid, date, ledger.orders())))
                    .bytes();
        }
        if (bytes == null) {
            throw new ApiError(400, "NO_STATEMENT_EXIST", "请求的账单文件不存在");
        }
        return bytes;
    }

    /** 09:00 China time on the day after {@code date}. */
    public static Instant readyAt(LocalDate date) {
        return date.plusDays(1).atTime(GENERATED_FROM).atZone(Ids.CHINA).toInstant();
    }
}
