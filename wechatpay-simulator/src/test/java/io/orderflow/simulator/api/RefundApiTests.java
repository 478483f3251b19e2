package io.orderflow.simulator.api;

import static io.orderflow.simulator.support.SdkAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Status;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refund create and query through the SDK, with WeChat's refund rules. */
class RefundApiTests {

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    private final Control control = new Control(simulator);

    @Test
    void refundIsProcessingThenSucceeds() {
        String outTradeNo = paidOrder(100);
        var refund = sdk.refunds().create(refund(outTradeNo, "R" + outTradeNo, 40, 100));
        assertThat(refund.getStatus()).isEqualTo(Status.PROCESSING);
        assertThat(refund.getRefundId()).hasSize(29);
        assertThat(refund.getAmount().getRefund()).isEqualTo(40L);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> query("R" + outTradeNo).getStatus() == Status.SUCCESS);
        assertThat(query("R" + outTradeNo).getSuccessTime()).endsWith("+08:00");
    }

    @Test
    void sameOutRefundNoRefundsOnlyOnce() {
        String outTradeNo = paidOrder(100);
        var first = sdk.refunds().create(refund(outTradeNo, "R" + outTradeNo, 60, 100));
        var again = sdk.refunds().create(refund(outTradeNo, "R" + outTradeNo, 60, 100));
        assertThat(again.getRefundId()).isEqualTo(first.getRefundId());
        assertError(() -> sdk.refunds().create(refund(outTradeNo, "S" + outTradeNo, 41, 100)), 400, "INVALID_REQUEST");
        sdk.refunds().create(refund(outTradeNo, "S" + outTradeNo, 40, 100));
    }

    @Test
    void rejectsRefundAboveRemainingAmountAndOfUnpaidOrders() {
        String paid = paidOrder(100);
        assertError(() -> sdk.refunds().create(refund(paid, "R" + paid, 101, 100)), 400, "INVALID_REQUEST");
        var unpaid = Orders.prepay("https://merchant.example/notify", 100);
        sdk.jsapi().prepayWithRequestPayment(unpaid);
        assertError(
                () -> sdk.refunds().create(refund(unpaid.getOutTradeNo(), "R1" + unpaid.getOutTradeNo(), 1, 100)),
                400,
                "INVALID_REQUEST");
        assertError(() -> sdk.refunds().create(refund("NO_SUCH_ORDER", "R_NONE", 1, 100)), 404, "RESOURCE_NOT_EXISTS");
        assertError(() -> query("NO_SUCH_REFUND"), 404, "RESOURCE_NOT_EXISTS");
    }

    @Test
    void rejectsTheFiftyFirstRefund() {
        String outTradeNo = paidOrder(100);
        for (int i = 0; i < 50; i++) {
            sdk.refunds().create(refund(outTradeNo, "R" + i + "_" + outTradeNo, 1, 100));
        }
        assertError(
                () -> sdk.refunds().create(refund(outTradeNo, "R50_" + outTradeNo, 1, 100)), 400, "INVALID_REQUEST");
    }

    @Test
    void refundCanBeForcedAbnormal() {
        simulator.context().getBean(io.orderflow.simulator.ledger.Refunds.class).configure(Duration.ofHours(1), null);
        try {
            String outTradeNo = paidOrder(100);
            sdk.refunds().create(refund(outTradeNo, "R" + outTradeNo, 10, 100));
            control.post(
                    "/sim/v1/refunds/complete",
                    Map.of("mchid", SharedSimulator.MCHID, "out_refund_no", "R" + outTradeNo, "status", "ABNORMAL"));
            assertThat(query("R" + outTradeNo).getStatus()).isEqualTo(Status.ABNORMAL);
        } finally {
            control.put("/sim/v1/refunds/settings", Map.of("delay_ms", 10_000));
        }
    }

    private String paidOrder(int total) {
        var request = Orders.prepay("https://merchant.example/notify", total);
        control.pay(
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10));
        return request.getOutTradeNo();
    }

    private com.wechat.pay.java.service.refund.model.Refund query(String outRefundNo) {
        var request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        return sdk.refunds().queryByOutRefundNo(request);
    }

    private static CreateRequest refund(String outTradeNo, String outRefundNo, long refund, long total) {
        return Orders.refund(outTradeNo, outRefundNo, refund, total);
    }
}
