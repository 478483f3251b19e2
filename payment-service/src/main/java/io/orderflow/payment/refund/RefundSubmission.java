package io.orderflow.payment.refund;

import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import io.orderflow.events.Money;

/**
 * A refund to submit: the request WeChat gets, identical on every attempt.
 *
 * @param attempts submissions that failed transiently so far
 * @param traceParent the W3C traceparent of the RefundRequested that asked for it, or null
 */
record RefundSubmission(
        String mchid,
        String outRefundNo,
        String orderId,
        long refundFen,
        long totalFen,
        String currency,
        String reason,
        String notifyUrl,
        int attempts,
        String traceParent) {

    CreateRequest createRequest() {
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(orderId);
        request.setOutRefundNo(outRefundNo);
        request.setReason(reason);
        request.setNotifyUrl(notifyUrl);
        AmountReq amount = new AmountReq();
        amount.setRefund(refundFen);
        amount.setTotal(totalFen);
        amount.setCurrency(currency);
        request.setAmount(amount);
        return request;
    }

    Money refund() {
        return new Money(refundFen, currency);
    }
}
