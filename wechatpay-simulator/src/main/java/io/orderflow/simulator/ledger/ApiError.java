package io.orderflow.simulator.ledger;

import java.util.Map;

/**
 * A WeChat Pay error answer: HTTP status plus the JSON {@code code}, {@code message} and optional
 * {@code detail}. Business rules throw it so that the wire shape is decided in one place.
 */
public final class ApiError extends RuntimeException {

    private final int status;

    private final String code;

    private final Map<String, Object> detail;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, Map<String, Object> detail) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public static ApiError paramError(String field, String location, String issue) {
        Map<String, Object> detail = Map.of("field", field, "location", location, "issue", issue);
        return new ApiError(400, "PARAM_ERROR", "参数错误: " + issue, detail);
    }

    public static ApiError invalidRequest(String message) {
        return new ApiError(400, "INVALID_REQUEST", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> detail() {
        return detail;
    }
}
