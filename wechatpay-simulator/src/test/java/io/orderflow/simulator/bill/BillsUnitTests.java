package io.orderflow.simulator.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.ledger.ApiError;
import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.ledger.Ledger;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import io.orderflow.simulator.ledger.RefundStatus;
import io.orderflow.simulator.ledger.Refunds;
import io.orderflow.simulator.ledger.Trades;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a day's bill exists and that it never changes once it does, on the trade clock. */
class BillsUnitTests {

    private static final String MCHID = "1900000001";

    private final SimulatedTime time = new SimulatedTime(1.0);

    private final Ledger ledger = new Ledger();

    private final Trades trades = new Trades(ledger, time, event -> {});

    private final Refunds refunds = new Refunds(ledger, time, event -> {}, Duration.ofHours(1), RefundStatus.SUCCESS);

    private final Bills bills = new Bills(ledger, time, false);

    private final LocalDate day = LocalDate.now(Ids.CHINA).minusDays(10);

    @AfterEach
    void stop() {
        time.destroy();
    }

    @Test
    void theCurrentTradeDaysBillIsStillBeingCreated() {
        paidAt(Instant.now(), 100);
        time.shiftTrades(Duration.ZERO);

        assertCode(() -> bills.file(MCHID, LocalDate.now(Ids.CHINA), BillType.ALL), "STATEMENT_CREATING");
    }

    @Test
    void aDaysBillExistsFromNineTheNextMorningOnTheTradeClock() {
        Order order = paidAt(at(day, 10), 100);

        tradeClock(Bills.readyAt(day).minusSeconds(1));
        assertCode(() -> bills.file(MCHID, day, BillType.ALL), "STATEMENT_CREATING");
        tradeClock(Bills.readyAt(day));
        assertThat(text(bills.file(MCHID, day, BillType.ALL))).contains("`" + order.outTradeNo() + ",");
    }

    @Test
    void aDaysBillIsGeneratedOnceAndEveryDownloadGetsTheSameBytes() {
        Order paid = paidAt(at(day, 10), 1000);
        Refund refund = refundAt(paid, at(day, 11), 300);
        tradeClock(Bills.readyAt(day).plus(Duration.ofMinutes(30)));
        byte[] first = bills.file(MCHID, day, BillType.ALL);
        assertThat(text(first)).contains(",`" + refund.outRefundNo() + ",`3.00,`0.00,`ORIGINAL,`PROCESSING,");

        refunds.finish(refund, RefundStatus.SUCCESS);
        Order late = paidAt(at(day, 12), 500);
        tradeClock(Bills.readyAt(day).plus(Duration.ofHours(5)));
        byte[] second = bills.file(MCHID, day, BillType.ALL);

        assertThat(second)
                .as("same file: a refund finished since and a payment stamped on the day since")
                .isEqualTo(first);
        assertThat(BillFiles.sha1(second)).isEqualTo(BillFiles.sha1(first));
        assertThat(text(second)).doesNotContain(late.outTradeNo());
    }

    @Test
    void aDayWithoutTradesHasNoStatementForGoodAndDaysOutsideTheWindowAreRefused() {
        tradeClock(Bills.readyAt(day));
        assertCode(() -> bills.file(MCHID, day, BillType.ALL), "NO_STATEMENT_EXIST");
        paidAt(at(day, 15), 100);
        tradeClock(Bills.readyAt(day));
        assertCode(() -> bills.file(MCHID, day, BillType.ALL), "NO_STATEMENT_EXIST");

        assertCode(() -> bills.file(MCHID, day.plusDays(11), BillType.ALL), "PARAM_ERROR");
        assertCode(() -> bills.file(MCHID, day.minusMonths(4), BillType.ALL), "PARAM_ERROR");
    }

    @Test
    void theDemoSettingServesADayBeforeItIsReadyAsTheLedgerStandsAtEachApplication() {
        Bills demo = new Bills(ledger, time, true);
        LocalDate today = LocalDate.now(Ids.CHINA);
        Order first = paidAt(Instant.now(), 100);
        time.shiftTrades(Duration.ZERO);
        assertThat(text(demo.file(MCHID, today, BillType.ALL))).contains(first.outTradeNo());

        Order second = paidAt(Instant.now(), 200);
        time.shiftTrades(Duration.ZERO);
        assertThat(text(demo.file(MCHID, today, BillType.ALL))).contains(first.outTradeNo(), second.outTradeNo());
    }

    private Order paidAt(Instant when, long fen) {
        String outTradeNo = "T" + System.nanoTime();
        Order order = trades.prepay(
                MCHID,
                Map.of(
                        "appid",
                        "wx1",
                        "mchid",
                        MCHID,
                        "description",
                        "Tea",
                        "out_trade_no",
                        outTradeNo,
                        "notify_url",
                        "https://m/n",
                        "amount",
                        Map.of("total", fen),
                        "payer",
                        Map.of("openid", "o1")));
        tradeClock(when);
        return trades.pay(order, true);
    }

    private Refund refundAt(Order order, Instant when, long fen) {
        tradeClock(when);
        return refunds.create(
                MCHID,
                Map.of(
                        "out_trade_no",
                        order.outTradeNo(),
                        "out_refund_no",
                        "R" + System.nanoTime(),
                        "amount",
                        Map.of("refund", fen, "total", order.total(), "currency", "CNY")));
    }

    private void tradeClock(Instant when) {
        time.shiftTrades(Duration.between(Instant.now(), when));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Ids.CHINA).toInstant();
    }

    private static String text(byte[] bill) {
        return new String(bill, StandardCharsets.UTF_8);
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
