package io.orderflow.order.shop.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code ORDERFLOW-HMAC-SHA256 shop_id="…",timestamp="…",nonce="…",signature="…"}: each of the
 * four parameters exactly once, quoted; the timestamp in Unix seconds; the nonce 1 to 64 characters.
 */
record AuthorizationHeader(String shopId, String timestamp, String nonce, String signature) {

    static final String SCHEME = "ORDERFLOW-HMAC-SHA256";
    private static final Pattern PARAMETER = Pattern.compile("\\s*([a-z_]+)=\"([^\"]*)\"\\s*(,|$)");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[0-9A-Za-z_\\-]{1,64}");

    static Optional<AuthorizationHeader> parse(String header) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(header.substring(SCHEME.length() + 1));
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            if (parameters.put(matcher.group(1), matcher.group(2)) != null) {
                return Optional.empty();
            }
            end = matcher.end();
        }
        if (end != header.length() - SCHEME.length() - 1 || parameters.size() != 4) {
            return Optional.empty();
        }
        AuthorizationHeader parsed = new AuthorizationHeader(
                parameters.get("shop_id"),
                parameters.get("timestamp"),
                parameters.get("nonce"),
                parameters.get("signature"));
        return parsed.wellFormed() ? Optional.of(parsed) : Optional.empty();
    }

    private boolean wellFormed() {
        return shopId != null
                && !shopId.isEmpty()
                && signature != null
                && !signature.isEmpty()
                && timestamp != null
                && TIMESTAMP.matcher(timestamp).matches()
                && nonce != null
                && NONCE.matcher(nonce).matches();
    }
}
