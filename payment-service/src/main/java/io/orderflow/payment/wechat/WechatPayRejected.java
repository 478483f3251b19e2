package io.orderflow.payment.wechat;

import java.util.Set;

/** WeChat answered with a 4xx other than 429: the same request will never succeed. */
public class WechatPayRejected extends RuntimeException {

    private static final Set<String> ALREADY_PAID = Set.of("ORDERPAID", "ORDER_PAID");

    private final int httpStatus;
    private final String code;
    private final String errorMessage;

    public WechatPayRejected(int httpStatus, String code, String errorMessage, Throwable cause) {
        super(httpStatus + " " + code + ": " + errorMessage, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.errorMessage = errorMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** WeChat's error code, e.g. {@code PARAM_ERROR}; {@code HTTP_<status>} when the body had none. */
    public String code() {
        return code;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** Prepay of an order the payer has already paid (WeChat's spelling is not pinned down). */
    public boolean alreadyPaid() {
        return ALREADY_PAID.contains(code);
    }
}
