package io.orderflow.reconcile.wechat;

/** WeChat could not be reached or answered 5xx / 429 (after the in-call retries), or a guard refused the call: try later. */
public class WechatPayUnavailable extends RuntimeException {

    public WechatPayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
