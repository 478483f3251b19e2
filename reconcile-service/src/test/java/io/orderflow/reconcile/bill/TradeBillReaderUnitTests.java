package io.orderflow.reconcile.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.DiscrepancyKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trade bill file format, on byte-exact fixtures in src/test/resources/bills (BOM, CRLF, back-quotes). */
class TradeBillReaderUnitTests {

    @Test
    void theFixturesAreByteExact() throws IOException {
        byte[] bytes = bytes("all.csv");
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotContain("\r\r");
        assertThat(text.split("\r\n")).hasSize(6);
    }

    @Test
    void readsAnAllBillWithPaymentsRefundsAndItsSummary() throws IOException {
        Read read = read("all.csv");

        assertThat(read.layout).isEqualTo(BillLayout.ALL);
        assertThat(read.rows).hasSize(3);
        BillRow first = read.rows.get(0);
        assertThat(first.tradeTime()).isEqualTo(LocalDateTime.of(2021, 1, 28, 17, 7, 11));
        assertThat(first.appid()).isEqualTo("wx81be3101902f7cb2");
        assertThat(first.mchid()).isEqualTo("1601959334");
        assertThat(first.transactionId()).isEqualTo("4200000925202101284997714292");
        assertThat(first.outTradeNo()).isEqualTo("S20210128170702357723");
        assertThat(first.refund()).isFalse();
        assertThat(first.settlementFen()).isEqualTo(1);
        assertThat(first.orderFen()).isEqualTo(1);
        assertThat(first.refundStatus()).isNull();
        BillRow large = read.rows.get(1);
        assertThat(large.orderFen()).isEqualTo(1234567);
        assertThat(large.fee()).isEqualByComparingTo(new BigDecimal("74.07"));
        BillRow refund = read.rows.get(2);
        assertThat(refund.refund()).isTrue();
        assertThat(refund.outRefundNo()).isEqualTo("R1");
        assertThat(refund.refundId()).isEqualTo("50300000000000000000000000001");
        assertThat(refund.refundFen()).isEqualTo(1);
        assertThat(refund.refundStatus()).isEqualTo("SUCCESS");
        assertThat(read.summary).isEqualTo(new BillSummary(3, 1234568, 1, 0, new BigDecimal("74.07000"), 1234568, 1));
    }

    @Test
    void aCommaInsideAFieldDoesNotSplitIt() throws IOException {
        Read read = read("all.csv");

        assertThat(read.rows.get(1).outTradeNo()).isEqualTo("S2");
        assertThat(read.rows.get(1).tradeState()).isEqualTo("SUCCESS");
        assertThat(read.totals.check(read.summary)).isEmpty();
    }

    @Test
    void readsASuccessBillWithoutRefundColumns() throws IOException {
        Read read = read("success.csv");

        assertThat(read.layout).isEqualTo(BillLayout.SUCCESS);
        assertThat(read.rows).extracting(BillRow::orderFen).containsExactly(100L, 99L);
        assertThat(read.rows).allSatisfy(row -> assertThat(row.outRefundNo()).isNull());
        assertThat(read.summary).isEqualTo(new BillSummary(2, 199, 0, 0, new BigDecimal("0.02000"), 199, 0));
        assertThat(read.totals.check(read.summary)).isEmpty();
    }

    @Test
    void readsASuccessBillWhoseSummaryHasTheSevenColumnsOfRealBills() throws IOException {
        Read read = read("success-seven-column-summary.csv");

        assertThat(read.layout).isEqualTo(BillLayout.SUCCESS);
        assertThat(read.rows).hasSize(2);
        assertThat(read.summary).isEqualTo(new BillSummary(2, 199, 0, 0, new BigDecimal("0.02000"), 199, 0));
        assertThat(read.totals.check(read.summary)).isEmpty();
    }

    @Test
    void aSummaryHeaderWithoutTheRowCountIsMalformed() {
        String bill = new String(bytes("success.csv"), StandardCharsets.UTF_8).replace("总交易单数,应结订单总金额", "交易单数,应结订单总金额");
        assertThatThrownBy(() -> read(new ByteArrayInputStream(bill.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedBill.class)
                .hasMessageContaining("总交易单数");
    }

    @Test
    void readsARefundBillWithItsRefundTimesAndNegativeFee() throws IOException {
        Read read = read("refund.csv");

        assertThat(read.layout).isEqualTo(BillLayout.REFUND);
        BillRow refund = read.rows.get(0);
        assertThat(refund.refund()).isTrue();
        assertThat(refund.refundFen()).isEqualTo(50);
        assertThat(refund.requestedRefundFen()).isEqualTo(50);
        assertThat(refund.fee()).isEqualByComparingTo(new BigDecimal("-0.003"));
        assertThat(read.totals.check(read.summary)).isEmpty();
    }

    @Test
    void aSummaryThatIsNotTheSumOfItsLinesIsASummaryMismatchPerTotal() throws IOException {
        Read read = read("all-bad-summary.csv");

        List<Discrepancy> found = read.totals.check(read.summary);
        assertThat(found).extracting(Discrepancy::kind).containsOnly(DiscrepancyKind.SUMMARY_MISMATCH);
        assertThat(found).extracting(Discrepancy::itemKey).containsExactlyInAnyOrder("summary:rows", "summary:refund");
        assertThat(found)
                .filteredOn(d -> d.itemKey().equals("summary:refund"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.wechatAmountFen()).isEqualTo(30);
                    assertThat(d.localAmountFen()).isZero();
                });
    }

    @Test
    void aFractionOfAFenIsAMalformedBillNotARoundedAmount() {
        assertThatThrownBy(() -> read("all-fraction.csv"))
                .isInstanceOf(MalformedBill.class)
                .hasMessageContaining("1.001");
    }

    @Test
    void yuanBecomeFenExactlyWithoutFloatingPoint() {
        assertThat(Yuan.fen("0.01")).isEqualTo(1);
        assertThat(Yuan.fen("0.10")).isEqualTo(10);
        assertThat(Yuan.fen("1.1")).isEqualTo(110);
        assertThat(Yuan.fen("99999999.99")).isEqualTo(9_999_999_999L);
        assertThat(Yuan.fen("")).isZero();
        assertThatThrownBy(() -> Yuan.fen("1,00")).isInstanceOf(MalformedBill.class);
    }

    @Test
    void aBillWithoutItsSummaryIsMalformed() {
        String truncated = "\uFEFF" + "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
                + "货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注\r\n";
        assertThatThrownBy(() -> read(new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedBill.class)
                .hasMessageContaining("summary");
    }

    @Test
    void somethingThatIsNotATradeBillIsMalformed() {
        byte[] html = "<html>error</html>\r\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(new ByteArrayInputStream(html))).isInstanceOf(MalformedBill.class);
    }

    private record Read(BillLayout layout, List<BillRow> rows, BillSummary summary, BillTotals totals) {}

    private static Read read(String fixture) throws IOException {
        return read(new ByteArrayInputStream(bytes(fixture)));
    }

    private static Read read(InputStream in) throws IOException {
        try (TradeBillReader reader = new TradeBillReader(in)) {
            List<BillRow> rows = new ArrayList<>();
            BillTotals totals = new BillTotals();
            for (BillRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
                totals.add(row);
            }
            return new Read(reader.layout(), rows, reader.summary(), totals);
        }
    }

    private static byte[] bytes(String fixture) {
        try (InputStream in = TradeBillReaderUnitTests.class.getResourceAsStream("/bills/" + fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
