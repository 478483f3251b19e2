package io.orderflow.platform.wechatpay;

/**
 * No answer to act on: I/O error, 5xx or 429 after the in-call retries, circuit open, rate limit or bulkhead
 * permit not granted, an answer that could not be verified, or a merchant without keys. The outcome may be
 * unknown, so the caller tries again later with the same parameters.
 */
public class WechatPayUnavailable extends RuntimeException {

    public WechatPayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
