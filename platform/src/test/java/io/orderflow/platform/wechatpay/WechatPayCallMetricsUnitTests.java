package io.orderflow.platform.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ids never reach a metric tag: every path becomes a bounded template. */
class WechatPayCallMetricsUnitTests {

    @ParameterizedTest
    @CsvSource({
        "/v3/pay/transactions/jsapi, /v3/pay/transactions/jsapi",
        "/v3/pay/transactions/out-trade-no/OF123, /v3/pay/transactions/out-trade-no/{out_trade_no}",
        "/v3/pay/transactions/out-trade-no/OF123/close, /v3/pay/transactions/out-trade-no/{out_trade_no}/close",
        "/v3/pay/transactions/id/4200000001, /v3/pay/transactions/id/{transaction_id}",
        "/v3/refund/domestic/refunds/RF-1, /v3/refund/domestic/refunds/{out_refund_no}",
        "/v3/refund/domestic/refunds, /v3/refund/domestic/refunds",
        "/v3/bill/tradebill, /v3/bill/tradebill",
        "/v3/billdownload/file, /v3/billdownload/file",
        "/v3/SOMETHING/Odd%20Path, other",
        "/elsewhere, other"
    })
    void turnsPathsIntoTemplates(String path, String template) {
        assertThat(WechatPayCallMetrics.endpoint(path)).isEqualTo(template);
    }
}
