package io.orderflow.simulator.api;

import io.orderflow.simulator.ledger.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Renders {@link ApiError} as WeChat's {@code {"code","message","detail"}} JSON body. */
class ErrorWriter {

    static final String JSON = "application/json; charset=utf-8";

    private final JsonMapper json;

    ErrorWriter(JsonMapper json) {
        this.json = json;
    }

    static Map<String, Object> body(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("message", error.getMessage());
        if (error.detail() != null) {
            body.put("detail", error.detail());
        }
        return body;
    }

    void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(JSON);
        response.getOutputStream().write(json.writeValueAsBytes(body(error)));
    }
}
