package io.orderflow.reconcile.wechat;

/** WeChat answered a 4xx other than 429: a definite answer, with WeChat's error code. */
public class WechatPayRejected extends RuntimeException {

    private final int httpStatus;
    private final String code;

    public WechatPayRejected(int httpStatus, String code, String message, Throwable cause) {
        super(httpStatus + " " + code + ": " + message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }
}
