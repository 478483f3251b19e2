package io.orderflow.events;

import java.time.Instant;

/**
 * WeChat Pay refused a refund permanently (for example NOT_ENOUGH); the refund will not happen.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id of the order; required
 * @param outRefundNo the refund's idempotency key at WeChat; required
 * @param errorCode WeChat's error code, for example NOT_ENOUGH or INVALID_REQUEST; required
 * @param errorMessage WeChat's error message; required
 * @param httpStatus HTTP status of WeChat's answer; null when the failure had no HTTP answer
 * @param rejectedAt instant payment-service gave up; required
 */
public record RefundRejected(
        String orderId,
        String mchid,
        String outRefundNo,
        String errorCode,
        String errorMessage,
        @Nullable Integer httpStatus,
        Instant rejectedAt)
        implements PaymentServiceEvent {

    public RefundRejected {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(outRefundNo, "outRefundNo");
        Checks.present(errorCode, "errorCode");
        Checks.present(errorMessage, "errorMessage");
        Checks.nonNegative(httpStatus, "httpStatus");
        Checks.present(rejectedAt, "rejectedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
