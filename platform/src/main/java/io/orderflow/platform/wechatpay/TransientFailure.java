package io.orderflow.platform.wechatpay;

import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.ServiceException;
import java.util.function.Predicate;

/**
 * The failures of a WeChat Pay call worth repeating with identical parameters: I/O errors (the outcome is
 * unknown, and every call orderflow repeats is idempotent on out_trade_no / out_refund_no), WeChat's 5xx and
 * its 429 rate limit. Services name it in YAML as resilience4j's {@code retry-exception-predicate} (and
 * payment-service as its circuit breaker's {@code record-failure-predicate}), so a 4xx answer neither
 * repeats nor trips a breaker (WeChat is up, the request is wrong), and resilience4j's own refusals
 * ({@code CallNotPermittedException}, no permit) are not retried in the call: the row is tried again later.
 */
public class TransientFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return isTransient(failure);
    }

    public static boolean isTransient(Throwable failure) {
        if (failure instanceof HttpException) {
            return true;
        }
        return failure instanceof ServiceException service
                && (service.getHttpStatusCode() >= 500 || service.getHttpStatusCode() == 429);
    }
}
