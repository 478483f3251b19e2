package io.orderflow.payment.refund;

import com.wechat.pay.java.service.refund.model.Refund;
import io.orderflow.events.RefundRejected;
import io.orderflow.events.RefundStatus;
import io.orderflow.events.RefundSubmitted;
import io.orderflow.payment.work.WechatPayWork;
import io.orderflow.platform.wechatpay.WechatPayRejected;
import io.orderflow.platform.wechatpay.WechatPayUnavailable;
import io.orderflow.platform.work.DueBatch;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker batch: claims due refund submissions and submits each to WeChat with its own
 * out_refund_no; the outcome and its event commit together. WeChat refunds an out_refund_no
 * once, so an attempt whose answer was lost is simply repeated.
 */
class RefundAttempts {

    private static final Logger log = LoggerFactory.getLogger(RefundAttempts.class);

    private final RefundSubmissions submissions;
    private final WechatPayWork work;
    private final DueBatch<RefundSubmission> batch;

    RefundAttempts(RefundSubmissions submissions, WechatPayWork work) {
        this.submissions = submissions;
        this.work = work;
        this.batch =
                work.batch("refund", submissions::claimDue, RefundSubmission::traceParent, this::attempt, this::failed);
    }

    /** Works one batch of due rows; returns how many were claimed. A row that throws fails alone (DueBatch). */
    int runBatch() {
        return batch.run();
    }

    private void failed(RefundSubmission refund, RuntimeException failure) {
        log.warn(
                "refund {} of order {} failed; the rest of its batch goes on",
                refund.outRefundNo(),
                refund.orderId(),
                failure);
        retryLater(refund, WechatPayWork.failure(failure), work.clock().instant());
    }

    private void attempt(RefundSubmission refund) {
        Instant now = work.clock().instant();
        try {
            Refund answer = work.wechat().createRefund(refund.mchid(), refund.createRequest());
            RefundStatus status = answer.getStatus() == null
                    ? RefundStatus.PROCESSING
                    : RefundStatus.valueOf(answer.getStatus().name());
            submissions.submitted(refund, answer.getRefundId(), status.name());
            work.outbox()
                    .append(new RefundSubmitted(
                            refund.orderId(),
                            refund.mchid(),
                            refund.outRefundNo(),
                            answer.getRefundId(),
                            status,
                            refund.refund(),
                            now));
        } catch (WechatPayRejected e) {
            submissions.rejected(refund, e.getMessage());
            work.outbox()
                    .append(new RefundRejected(
                            refund.orderId(),
                            refund.mchid(),
                            refund.outRefundNo(),
                            e.code(),
                            e.errorMessage(),
                            e.httpStatus(),
                            now));
        } catch (WechatPayUnavailable e) {
            retryLater(refund, e.getMessage(), now);
        }
    }

    private void retryLater(RefundSubmission refund, String error, Instant now) {
        int attempts = refund.attempts() + 1;
        log.info(
                "refund {} of order {} failed ({}); attempt {} failed, retrying later",
                refund.outRefundNo(),
                refund.orderId(),
                error,
                attempts);
        submissions.retryLater(refund, attempts, work.retryAt(attempts, now), error);
    }
}
