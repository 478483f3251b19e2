package io.orderflow.payment.refund;

import io.orderflow.events.RefundRequested;
import io.orderflow.platform.tracing.TraceContinuation;
import io.orderflow.platform.wechatpay.MerchantClients;
import io.orderflow.platform.wechatpay.WechatPayClients;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records refunds to submit, inside the consumer's transaction; the worker calls WeChat. */
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final WechatPayClients merchants;
    private final RefundSubmissions submissions;
    private final Runnable wakeWorker;
    private final Clock clock;

    private final TraceContinuation traces;

    Refunds(
            WechatPayClients merchants,
            RefundSubmissions submissions,
            Runnable wakeWorker,
            Clock clock,
            TraceContinuation traces) {
        this.traces = traces;
        this.merchants = merchants;
        this.submissions = submissions;
        this.wakeWorker = wakeWorker;
        this.clock = clock;
    }

    /**
     * Records a refund due now; an out_refund_no seen before changes nothing.
     *
     * @throws WechatPayClients.UnknownMerchantException when the refund's merchant is not configured
     */
    public void request(RefundRequested refund) {
        MerchantClients merchant = merchants.merchant(refund.mchid());
        RefundSubmission submission = new RefundSubmission(
                refund.mchid(),
                refund.outRefundNo(),
                refund.orderId(),
                refund.refund().fen(),
                refund.orderTotal().fen(),
                refund.refund().currency(),
                refund.reason(),
                merchant.refundNotifyUrl(),
                0,
                traces.current());
        if (submissions.insert(submission, clock.instant())) {
            wakeWorker.run();
        } else {
            log.info(
                    "refund {} of order {} is known already; RefundRequested ignored",
                    refund.outRefundNo(),
                    refund.orderId());
        }
    }
}
