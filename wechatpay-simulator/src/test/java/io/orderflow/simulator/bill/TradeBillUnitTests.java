package io.orderflow.simulator.bill;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.simulator.ledger.RefundStatus;
import io.orderflow.simulator.support.LedgerFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bill file format, line by line. */
class TradeBillUnitTests {

    private static final String MCHID = "1900000001";

    @RegisterExtension
    final LedgerFixture fixture = LedgerFixture.onRealTime();

    @Test
    void rendersBomCrlfBackquotedFieldsYuanAmountsAndSummary() {
        var body = LedgerFixture.prepayBody(MCHID, "T0001", 1234);
        body.put("description", "Tea");
        body.put("attach", "a");
        var order = fixture.trades().prepay(MCHID, body);
        fixture.trades().pay(order, true);
        fixture.refund(order, "R1", 234);
        byte[] bytes = bill(BillType.ALL, LocalDate.now(ZoneId.of("Asia/Shanghai")));
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
        var body = LedgerFixture.prepayBody(MCHID, "T0002", 500);
        body.put("description", "Tea");
        var order = fixture.trades().prepay(MCHID, body);
        fixture.time()
                .shiftTrades(Duration.between(
                        Instant.now(), paidOn.atTime(16, 16, 25).atZone(china).toInstant()));
        fixture.trades().pay(order, true);
        fixture.time()
                .shiftTrades(Duration.between(
                        Instant.now(),
                        refundedOn.atTime(14, 33, 21).atZone(china).toInstant()));
        var refund = fixture.refund(order, "R2", 100);
        fixture.refunds().finish(refund, RefundStatus.SUCCESS);
        fixture.time().shiftTrades(Duration.ZERO);

        String[] refundBill = new String(bill(BillType.REFUND, refundedOn), StandardCharsets.UTF_8).split("\r\n");
        String[] allBill = new String(bill(BillType.ALL, refundedOn), StandardCharsets.UTF_8).split("\r\n");

        assertThat(refundBill[1])
                .startsWith("`" + paidOn + " 16:16:25,`wx1,")
                .matches(".*,`REFUND,`OTHERS,`CNY,`0\\.00,`0\\.00,`" + refundedOn + " 14:33:2[12],`" + refundedOn
                        + " 14:33:2\\d,`50\\d{27},`R2,`1\\.00,.*");
        assertThat(allBill[1]).startsWith("`" + refundedOn + " 14:33:2").contains(",`REFUND,");
        assertThat(bill(BillType.REFUND, paidOn))
                .as("a refund is on the bill of the day it was requested")
                .isNull();
    }

    @Test
    void noTradesMeansNoStatement() {
        assertThat(bill(BillType.ALL, LocalDate.of(2020, 1, 1))).isNull();
    }

    /** The merchant's bill of {@code type} for {@code day}, from the fixture's ledger; null when there is none. */
    private byte[] bill(BillType type, LocalDate day) {
        return TradeBill.render(type, MCHID, day, fixture.ledger().orders());
    }
}
