package io.orderflow.reconcile.wechat;

import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.ServiceException;
import java.util.function.Predicate;

/**
 * The failures worth repeating: I/O errors, WeChat's 5xx and its 429. Named in YAML as the retry's
 * {@code retry-exception-predicate}; a 4xx is an answer, not a failure to retry.
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
