package io.orderflow.simulator.api;

import io.orderflow.simulator.ledger.ApiError;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Body checks that answer 400 PARAM_ERROR with a {@code detail} naming the field as a JSON
 * pointer, the way WeChat reports them.
 */
final class Fields {

    private final Map<String, Object> body;

    private final String prefix;

    private Fields(Map<String, Object> body, String prefix) {
        this.body = body;
        this.prefix = prefix;
    }

    static Fields of(Map<String, Object> body) {
        if (body == null) {
            throw ApiError.paramError("/", "body", "请求体为空");
        }
        return new Fields(body, "");
    }

    @SuppressWarnings("unchecked")
    Fields object(String name, boolean required) {
        Object value = body.get(name);
        if (value == null && !required) {
            return new Fields(Map.of(), prefix + "/" + name);
        }
        if (!(value instanceof Map)) {
            throw missingOrWrong(name, value);
        }
        return new Fields((Map<String, Object>) value, prefix + "/" + name);
    }

    String string(String name, int maxLength, boolean required) {
        Object value = body.get(name);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String text) || text.isEmpty()) {
            throw missingOrWrong(name, value);
        }
        if (text.length() > maxLength) {
            throw ApiError.paramError(prefix + "/" + name, "body", "字段长度超过 " + maxLength);
        }
        return text;
    }

    String matching(String name, Pattern pattern, boolean required) {
        String value = string(name, Integer.MAX_VALUE, required);
        if (value != null && !pattern.matcher(value).matches()) {
            throw ApiError.paramError(prefix + "/" + name, "body", "字段格式不正确");
        }
        return value;
    }

    /** An optional RFC 3339 time such as 2030-01-01T00:00:00+08:00. */
    void timestamp(String name) {
        String value = string(name, 64, false);
        try {
            if (value != null) {
                java.time.OffsetDateTime.parse(value);
            }
        } catch (java.time.format.DateTimeParseException ex) {
            throw ApiError.paramError(prefix + "/" + name, "body", "时间格式应为 RFC 3339");
        }
    }

    long positive(String name) {
        Object value = body.get(name);
        if (!(value instanceof Integer || value instanceof Long)) {
            throw missingOrWrong(name, value);
        }
        long number = ((Number) value).longValue();
        if (number < 1) {
            throw ApiError.paramError(prefix + "/" + name, "body", "金额必须大于0");
        }
        return number;
    }

    void currency(String name, boolean required) {
        String value = string(name, 16, required);
        if (value != null && !"CNY".equals(value)) {
            throw ApiError.paramError(prefix + "/" + name, "body", "Currency code is invalid");
        }
    }

    private ApiError missingOrWrong(String name, Object value) {
        String issue = value == null ? "此字段为必填项" : "字段类型不正确";
        return ApiError.paramError(prefix + "/" + name, "body", issue);
    }
}
