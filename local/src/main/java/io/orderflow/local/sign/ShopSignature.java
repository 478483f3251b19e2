package io.orderflow.local.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a shop API request as docs/openapi.yaml specifies:
 * {@code ORDERFLOW-HMAC-SHA256 shop_id="…",timestamp="…",nonce="…",signature="…"} with signature =
 * Base64(HMAC-SHA256(secret, METHOD\npath?query\ntimestamp\nnonce\nbody\n)).
 */
public final class ShopSignature {

    private final ShopCredentials shop;

    public ShopSignature(ShopCredentials shop) {
        this.shop = shop;
    }

    /** The Authorization header value for this request, with the current time and a fresh nonce. */
    public String authorization(String method, String pathAndQuery, String body) {
        return authorization(
                method,
                pathAndQuery,
                body,
                String.valueOf(Instant.now().getEpochSecond()),
                UUID.randomUUID().toString().replace("-", ""));
    }

    String authorization(String method, String pathAndQuery, String body, String timestamp, String nonce) {
        String message =
                method.toUpperCase() + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        return "ORDERFLOW-HMAC-SHA256 shop_id=\"" + shop.shopId() + "\",timestamp=\"" + timestamp + "\",nonce=\""
                + nonce + "\",signature=\"" + hmac(message) + "\"";
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(shop.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
