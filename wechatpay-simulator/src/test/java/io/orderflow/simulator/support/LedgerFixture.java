package io.orderflow.simulator.support;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.ledger.Ledger;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import io.orderflow.simulator.ledger.RefundStatus;
import io.orderflow.simulator.ledger.Refunds;
import io.orderflow.simulator.ledger.Trades;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulator's ledger without Spring or HTTP, for unit tests of the ledger and of what reads it: trades and
 * refunds (finished after an hour, successfully, unless a test finishes them) on a clock the test chooses.
 * Registered as a field with {@code @RegisterExtension}, it stops that clock after each test. Bodies are the JSAPI
 * prepay and refund requests a merchant sends.
 */
public record LedgerFixture(SimulatedTime time, Ledger ledger, Trades trades, Refunds refunds)
        implements AfterEachCallback {

    /** On the real clock, unscaled. */
    public static LedgerFixture onRealTime() {
        return on(new SimulatedTime(1.0));
    }

    public static LedgerFixture on(SimulatedTime time) {
        Ledger ledger = new Ledger();
        return new LedgerFixture(
                time,
                ledger,
                new Trades(ledger, time, event -> {}),
                new Refunds(ledger, time, event -> {}, Duration.ofHours(1), RefundStatus.SUCCESS));
    }

    /**
     * A prepay body of merchant {@code mchid} (app {@code wx1}, payer {@code o1}), {@code total} fen; mutable, to
     * add or change a field.
     */
    public static Map<String, Object> prepayBody(String mchid, String outTradeNo, long total) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "appid",
                "wx1",
                "mchid",
                mchid,
                "description",
                "d",
                "out_trade_no",
                outTradeNo,
                "notify_url",
                "https://m/n",
                "amount",
                Map.of("total", total)));
        body.put("payer", Map.of("openid", "o1"));
        return body;
    }

    /** The order {@link #prepayBody} describes, paid. */
    public Order paid(String mchid, String outTradeNo, long total) {
        return trades.pay(trades.prepay(mchid, prepayBody(mchid, outTradeNo, total)), true);
    }

    /** A refund of {@code amount} fen of {@code order} requested, PROCESSING. */
    public Refund refund(Order order, String outRefundNo, long amount) {
        return refunds.create(
                order.mchid(),
                Map.of(
                        "out_trade_no",
                        order.outTradeNo(),
                        "out_refund_no",
                        outRefundNo,
                        "amount",
                        Map.of("refund", amount, "total", order.total(), "currency", "CNY")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        time.destroy();
    }
}
