package io.orderflow.local.shop;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check docs/webhooks.md gives every shop, as a shop would write it: {@code Orderflow-Signature: t=<unix
 * seconds>,v1=<hex>[,v1=<hex>]}, each {@code v1} the HMAC-SHA256 of {@code t + "." + raw body} under the secret;
 * accepted when {@code t} is within 5 minutes of this clock and one {@code v1} matches (compared in constant time).
 * Written from the documentation only, not from orderflow's signer: it is the documentation's proof.
 */
final class WebhookCheck {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookCheck() {}

    /** Why a delivery is refused, or null when its signature holds. */
    static String refusal(String header, byte[] body, String secret, Instant now) {
        if (header == null || header.isBlank()) {
            return "no Orderflow-Signature header";
        }
        long t = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return "malformed Orderflow-Signature";
            }
            if (pair[0].equals("t")) {
                try {
                    t = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return "malformed timestamp";
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (t < 0 || signatures.isEmpty()) {
            return "Orderflow-Signature without t or v1";
        }
        if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return "timestamp " + t + " outside 5 minutes (a replay)";
        }
        byte[] expected = hmac(secret, t, body);
        for (String signature : signatures) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
        }
        return "no v1 signature matches";
    }

    private static byte[] hmac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
