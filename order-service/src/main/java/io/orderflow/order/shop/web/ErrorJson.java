package io.orderflow.order.shop.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the API's error body, {@code {"code": …, "message": …}}, from a filter. */
public final class ErrorJson {

    /** The answer while orderflow's database is away: nothing was done, the same request may be sent again. */
    public static final String OUTAGE_CODE = "SERVICE_UNAVAILABLE";

    public static final String OUTAGE_MESSAGE =
            "orderflow cannot reach its database; nothing was changed, retry the " + "same request later";
    public static final int OUTAGE_RETRY_AFTER_SECONDS = 5;

    private ErrorJson() {}

    static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"code\":\"" + escape(code) + "\",\"message\":\"" + escape(message) + "\"}");
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
