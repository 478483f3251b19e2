package io.orderflow.simulator.bill;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.ledger.Ledger;
import io.orderflow.simulator.ledger.RefundStatus;
import io.orderflow.simulator.ledger.Refunds;
import io.orderflow.simulator.ledger.Trades;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bill file format, line by line. */
class TradeBillUnitTests {

    private final SimulatedTime time = new SimulatedTime(1.0);

    private final Ledger ledger = new Ledger();

    private final Trades trades = new Trades(ledger, time, event -> {});

    private final Refunds refunds = new Refunds(ledger, time, event -> {}, Duration.ofHours(1), RefundStatus.SUCCESS);

    @AfterEach
    void stop() {
        time.destroy();
    }

    @Test
    void rendersBomCrlfBackquotedFieldsYuanAmountsAndSummary() {
        var order = trades.prepay(
                "1900000001",
                Map.of(
                        "appid",
                        "wx1",
                        "mchid",
                        "1900000001",
                        "description",
                        "Tea",
                        "out_trade_no",
                        "T0001",
                        "notify_url",
                        "https://m/n",
                        "amount",
                        Map.of("total", 1234),
                        "payer",
                        Map.of("openid", "o1"),
                        "attach",
                        "a"));
        trades.pay(order, true);
        refunds.create(
                "1900000001",
                Map.of(
                        "out_trade_no",
                        "T0001",
                        "out_refund_no",
                        "R1",
                        "amount",
                        Map.of("refund", 234, "total", 1234, "currency", "CNY")));
        byte[] bytes = TradeBill.render(
                BillType.ALL, "1900000001", LocalDate.now(ZoneId.of("Asia/Shanghai")), ledger.orders());
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n", -1);
        assertThat(lines).hasSize(6);
        assertThat(lines[0].split(",")).hasSize(27);
        assertThat(lines[1])
                .matches("`\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,`wx1,`1900000001,`0,`,`4200\\d{24},`T0001,"
                        + "`o1,`JSAPI,`SUCCESS,`OTHERS,`CNY,`12.34,`0.00,`0,`0,`0.00,`0.00,`,`,`Tea,`a,`0.07000,`0.60%,`12.34,"
                        + "`0.00,`");
        assertThat(lines[2].split(",", -1)).hasSize(27);
        assertThat(lines[2]).contains(",`REFUND,").contains(",`R1,`2.34,`0.00,`ORIGINAL,`PROCESSING,");
        assertThat(lines[3]).isEqualTo(BillType.ALL.summaryHeader());
        assertThat(lines[4]).isEqualTo("`2,`12.34,`2.34,`0.00,`0.06000,`12.34,`2.34");
        assertThat(lines[5]).isEmpty();
    }

    @Test
    void aRefundRowIsDatedByThePaymentInRefundBillsAndByTheRefundInAllBills() {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        LocalDate paidOn = LocalDate.now(china).minusDays(5);
        LocalDate refundedOn = paidOn.plusDays(2);
        var order = trades.prepay(
                "1900000001",
                Map.of(
                        "appid",
                        "wx1",
                        "mchid",
                        "1900000001",
                        "description",
                        "Tea",
                        "out_trade_no",
                        "T0002",
                        "notify_url",
                        "https://m/n",
                        "amount",
                        Map.of("total", 500),
                        "payer",
                        Map.of("openid", "o1")));
        time.shiftTrades(Duration.between(
                Instant.now(), paidOn.atTime(16, 16, 25).atZone(china).toInstant()));
        trades.pay(order, true);
        time.shiftTrades(Duration.between(
                Instant.now(), refundedOn.atTime(14, 33, 21).atZone(china).toInstant()));
        var refund = refunds.create(
                "1900000001",
                Map.of(
                        "out_trade_no",
                        "T0002",
                        "out_refund_no",
                        "R2",
                        "amount",
                        Map.of("refund", 100, "total", 500, "currency", "CNY")));
        refunds.finish(refund, RefundStatus.SUCCESS);
        time.shiftTrades(Duration.ZERO);

        String[] refundBill = new String(
                        TradeBill.render(BillType.REFUND, "1900000001", refundedOn, ledger.orders()),
                        StandardCharsets.UTF_8)
                .split("\r\n");
        String[] allBill = new String(
                        TradeBill.render(BillType.ALL, "1900000001", refundedOn, ledger.orders()),
                        StandardCharsets.UTF_8)
                .split("\r\n");

        assertThat(refundBill[1])
                .startsWith("`" + paidOn + " 16:16:25,`wx1,")
                .matches(".*,`REFUND,`OTHERS,`CNY,`0\\.00,`0\\.00,`" + refundedOn + " 14:33:2[12],`" + refundedOn
                        + " 14:33:2\\d,`50\\d{27},`R2,`1\\.00,.*");
        assertThat(allBill[1]).startsWith("`" + refundedOn + " 14:33:2").contains(",`REFUND,");
        assertThat(TradeBill.render(BillType.REFUND, "1900000001", paidOn, ledger.orders()))
                .as("a refund is on the bill of the day it was requested")
                .isNull();
    }

    @Test
    void noTradesMeansNoStatement() {
        assertThat(TradeBill.render(BillType.ALL, "1900000001", LocalDate.of(2020, 1, 1), ledger.orders()))
                .isNull();
    }
}
