package io.orderflow.simulator.bill;

import static io.orderflow.simulator.support.SdkAssertions.assertError;
import static io.orderflow.simulator.support.SdkAssertions.assertVerifiedBill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.billdownload.model.TarType;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Trade bills through the SDK's BillDownloadServiceExtension, hash verified. Each test trades on a day of its own
 * weeks back (the trade clock), whose bill exists by now: a day's bill is generated once, so days are not shared.
 */
class TradeBillTests {

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    private final Control control = new Control(simulator);

    @Test
    void allBillListsADaysPaymentsAndRefundsAndVerifies() {
        LocalDate day = LocalDate.now(Ids.CHINA).minusDays(41);
        String outTradeNo = paidAndRefunded(day);
        String bill = download(day, "ALL", null);
        assertThat(bill).startsWith("\uFEFF交易时间,公众账号ID,商户号,特约商户号");
        assertThat(bill).endsWith("\r\n").doesNotContain("\n\n");
        assertThat(bill)
                .contains("`" + outTradeNo + ",`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`SUCCESS,`OTHERS,`CNY,`1.23,");
        assertThat(bill).contains("`" + outTradeNo + ",`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`REFUND,");
        assertThat(bill).contains("\r\n总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n`");
    }

    @Test
    void gzipBillVerifiesAgainstTheUncompressedHash() {
        LocalDate day = LocalDate.now(Ids.CHINA).minusDays(42);
        String outTradeNo = paidAndRefunded(day);
        assertThat(download(day, "SUCCESS", TarType.GZIP))
                .contains(outTradeNo)
                .contains("\r\n总交易单数,应结订单总金额,手续费总金额,订单总金额\r\n");
        assertThat(download(day, "REFUND", null)).contains("退款申请时间,退款成功时间").contains(outTradeNo);
    }

    @Test
    void dayWithoutTradesHasNoStatementAndOldDaysAreOutOfRange() {
        var request = new GetTradeBillRequest();
        request.setBillDate(LocalDate.now(Ids.CHINA).minusMonths(2).toString());
        assertError(() -> sdk.bills().getTradeBill(request), 400, "NO_STATEMENT_EXIST");
        request.setBillDate("2020-01-01");
        assertError(() -> sdk.bills().getTradeBill(request), 400, "PARAM_ERROR");
    }

    private String download(LocalDate day, String type, TarType tarType) {
        var request = new GetTradeBillRequest();
        request.setBillDate(day.toString());
        request.setBillType(com.wechat.pay.java.service.billdownload.model.BillType.valueOf(type));
        request.setTarType(tarType);
        return assertVerifiedBill(sdk.bills().getTradeBill(request));
    }

    /** Paid and partly refunded at noon of {@code day}, the refund finished. */
    private String paidAndRefunded(LocalDate day) {
        var request = Orders.prepay("https://merchant.example/notify", 123);
        String prepayId =
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10);
        control.atNoonOf(day, () -> {
            control.pay(prepayId);
            sdk.refunds().create(Orders.refund(request.getOutTradeNo(), "R" + request.getOutTradeNo(), 23, 123));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> simulator
                                    .ledger()
                                    .refund(SharedSimulator.MCHID, "R" + request.getOutTradeNo())
                                    .orElseThrow()
                                    .successTime()
                            != null);
        });
        return request.getOutTradeNo();
    }
}
