package io.orderflow.payment.refund;

import static io.orderflow.testkit.RefundRequestedBuilder.refundRequested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.Money;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.PaymentRequested;
import io.orderflow.events.RefundRejected;
import io.orderflow.events.RefundRequested;
import io.orderflow.events.RefundStatus;
import io.orderflow.events.RefundSubmitted;
import io.orderflow.payment.SimulatedWechatPay;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.ledger.Refund;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RefundRequested → refund at WeChat (the simulator) with the shop's out_refund_no → RefundSubmitted or RefundRejected. */
class RefundTests extends SimulatedWechatPay {

    @Test
    void submitsARefundAndPublishesWechatsRefundId() throws Exception {
        String orderId = paidOrder(1000);
        send(refundRequested(orderId).withFen(400).withOrderTotalFen(1000).build());

        RefundSubmitted submitted = (RefundSubmitted) paymentEvents(orderId, 2).get(1);
        List<Refund> refunds = ledgerOrder(orderId).snapshotRefunds();
        assertThat(refunds).hasSize(1);
        assertThat(submitted.refundId()).isEqualTo(refunds.get(0).refundId());
        assertThat(submitted.outRefundNo()).isEqualTo("RF-" + orderId);
        assertThat(submitted.status()).isIn(RefundStatus.PROCESSING, RefundStatus.SUCCESS);
        assertThat(submitted.refund()).isEqualTo(Money.cny(400));
        assertThat(refunds.get(0).notifyUrl())
                .isEqualTo("http://127.0.0.1:1/wechatpay/notify/" + TestMerchant.MCHID + "/refund");
    }

    @Test
    void rejectsARefundAboveTheRemainingAmountWithWechatsCode() throws Exception {
        String orderId = paidOrder(1000);
        send(refundRequested(orderId).withFen(1001).withOrderTotalFen(1000).build());

        RefundRejected rejected = (RefundRejected) paymentEvents(orderId, 2).get(1);
        assertThat(rejected.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(rejected.outRefundNo()).isEqualTo("RF-" + orderId);
        assertThat(ledgerOrder(orderId).snapshotRefunds()).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedWithTheSameOutRefundNoIntoOneRefund() throws Exception {
        String orderId = paidOrder(1000);
        FaultRule lost = fault("RESPONSE_LOST", REFUND_PATH, 1);
        FaultRule errors = fault("SYSTEM_ERROR", REFUND_PATH, 3);
        send(refundRequested(orderId).withFen(1000).withOrderTotalFen(1000).build());

        RefundSubmitted submitted = (RefundSubmitted) paymentEvents(orderId, 2).get(1);
        assertThat(remaining(lost)).isZero();
        assertThat(remaining(errors)).isZero();
        List<Refund> refunds = ledgerOrder(orderId).snapshotRefunds();
        assertThat(refunds).hasSize(1);
        assertThat(submitted.refundId()).isEqualTo(refunds.get(0).refundId());
        assertThat(jdbc.sql("select attempts from refund_submission where out_refund_no = ?")
                        .param("RF-" + orderId)
                        .query(Integer.class)
                        .single())
                .as("worker attempts that failed before the success")
                .isEqualTo(1);
        assertThat(outboxEvents(orderId)).isEqualTo(2);
    }

    @Test
    void aRedeliveredRefundRequestedSubmitsOnce() throws Exception {
        String orderId = paidOrder(1000);
        RefundRequested refund =
                refundRequested(orderId).withFen(100).withOrderTotalFen(1000).build();
        String ceId = send(refund);
        send(refund, ceId);
        String again = send(refund);

        paymentEvents(orderId, 2);
        await().atMost(WAIT).until(() -> processed(again));
        assertThat(ledgerOrder(orderId).snapshotRefunds()).hasSize(1);
        assertThat(outboxEvents(orderId)).isEqualTo(2);
    }

    private String paidOrder(long fen) throws Exception {
        String orderId = newOrderId();
        send(orderCreated(orderId, fen));
        OrderflowEvent requested = paymentEvents(orderId, 1).get(0);
        assertThat(requested).isInstanceOf(PaymentRequested.class);
        pay(orderId);
        return orderId;
    }
}
