package io.orderflow.platform.wechatpay;

/**
 * WeChat Pay answered a 4xx other than 429: a definite answer, so the same request will never succeed. Some codes
 * mean the call's purpose is met already ({@link #alreadyDone()}: a prepay of a paid order, a close of a closed one,
 * as {@link WechatPayCall} lists them).
 */
public class WechatPayRejected extends RuntimeException {

    private final int httpStatus;
    private final String code;
    private final String errorMessage;
    private final boolean alreadyDone;

    /** A rejection whose code does not say the call's purpose is met already. */
    public WechatPayRejected(int httpStatus, String code, String errorMessage, Throwable cause) {
        this(httpStatus, code, errorMessage, false, cause);
    }

    public WechatPayRejected(int httpStatus, String code, String errorMessage, boolean alreadyDone, Throwable cause) {
        super(httpStatus + " " + code + ": " + errorMessage, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.errorMessage = errorMessage;
        this.alreadyDone = alreadyDone;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** WeChat's error code, e.g. {@code PARAM_ERROR}; {@code HTTP_<status>} when the body had none. */
    public String code() {
        return code;
    }

    /** WeChat's message; {@code HTTP <status>} when the body had none. */
    public String errorMessage() {
        return errorMessage;
    }

    /** WeChat refused because what the call asks for has happened already (the order is paid, or closed). */
    public boolean alreadyDone() {
        return alreadyDone;
    }
}
