package io.orderflow.simulator.control;

import io.orderflow.simulator.ledger.ApiError;
import java.util.Map;

/** Lenient readers for control API bodies; a missing required value is a 400 PARAM_ERROR. */
final class Bodies {

    private Bodies() {}

    static String text(Map<String, Object> body, String name) {
        Object value = body.get(name);
        return value == null ? null : value.toString();
    }

    static String required(Map<String, Object> body, String name) {
        String value = text(body, name);
        if (value == null || value.isBlank()) {
            throw ApiError.paramError(name, "body", name + " is required");
        }
        return value;
    }

    static Long number(Map<String, Object> body, String name) {
        Object value = body.get(name);
        return value instanceof Number number ? number.longValue() : null;
    }

    static Double fraction(Map<String, Object> body, String name) {
        Object value = body.get(name);
        return value instanceof Number number ? number.doubleValue() : null;
    }
}
