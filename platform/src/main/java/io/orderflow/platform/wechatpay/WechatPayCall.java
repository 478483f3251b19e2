package io.orderflow.platform.wechatpay;

import com.wechat.pay.java.core.exception.ServiceException;
import java.util.Set;

/**
 * The WeChat Pay calls orderflow makes, each with the error codes by which WeChat says that what the call asks for
 * has happened already (prepay: ORDERPAID / ORDER_PAID; close: ORDER_CLOSED), and the one place that turns a failed call into what its
 * caller acts on: {@link WechatPayUnavailable} (try again later) or {@link WechatPayRejected} (a definite answer,
 * maybe {@link WechatPayRejected#alreadyDone() already done}).
 */
public enum WechatPayCall {

    /** JSAPI prepay; a paid order answers "订单已支付", spelled ORDERPAID by third parties and ORDER_PAID by the docs. */
    PREPAY("ORDERPAID", "ORDER_PAID"),
    QUERY_ORDER,
    /**
     * Close; an order closed already may answer ORDER_CLOSED instead of 204. A paid order's ORDERPAID is a rejection
     * like any other 4xx: the caller queries the order again.
     */
    CLOSE_ORDER("ORDER_CLOSED"),
    /** Refund create; WeChat refunds an out_refund_no once, so a repeat answers with the same refund. */
    CREATE_REFUND,
    QUERY_REFUND,
    TRADE_BILL;

    private final Set<String> alreadyDone;

    WechatPayCall(String... alreadyDone) {
        this.alreadyDone = Set.of(alreadyDone);
    }

    /**
     * What a failure of this call means for its caller: a {@link TransientFailure} (I/O, 5xx, 429) and anything but
     * a WeChat answer (open circuit, refused permit, full bulkhead, unverifiable answer) is unavailable; any other
     * answer of WeChat is rejected, already done when its code says so for this call.
     */
    public RuntimeException classify(RuntimeException failure) {
        if (failure instanceof ServiceException answer && !TransientFailure.isTransient(answer)) {
            String code = answer.getErrorCode() == null ? "HTTP_" + answer.getHttpStatusCode() : answer.getErrorCode();
            String message =
                    answer.getErrorMessage() == null ? "HTTP " + answer.getHttpStatusCode() : answer.getErrorMessage();
            return new WechatPayRejected(answer.getHttpStatusCode(), code, message, alreadyDone.contains(code), answer);
        }
        if (failure instanceof ServiceException answer) {
            return new WechatPayUnavailable(
                    "WeChat Pay answered " + answer.getHttpStatusCode() + " " + answer.getErrorCode(), answer);
        }
        return new WechatPayUnavailable(failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
    }
}
