package io.orderflow.events;

import java.time.Instant;

/**
 * Prepay failed permanently (WeChat refused the request, for example PARAM_ERROR); the order becomes FAILED.
 * Transient failures are retried by payment-service and never published.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id of the order; required
 * @param errorCode WeChat's error code, for example PARAM_ERROR or APPID_MCHID_NOT_MATCH; required
 * @param errorMessage WeChat's error message; required
 * @param httpStatus HTTP status of WeChat's answer; null when the failure had no HTTP answer
 * @param failedAt instant payment-service gave up; required
 */
public record PrepayFailed(
        String orderId,
        String mchid,
        String errorCode,
        String errorMessage,
        @Nullable Integer httpStatus,
        Instant failedAt)
        implements PaymentServiceEvent {

    public PrepayFailed {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(errorCode, "errorCode");
        Checks.present(errorMessage, "errorMessage");
        Checks.nonNegative(httpStatus, "httpStatus");
        Checks.present(failedAt, "failedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
