package io.orderflow.order.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs shop requests as a shop would, written apart from the service's own code. */
public record TestSigner(String shopId, String secret) {

    public String authorization(String method, String pathAndQuery, String timestamp, String nonce, String body) {
        return "ORDERFLOW-HMAC-SHA256 shop_id=\"" + shopId + "\",timestamp=\"" + timestamp + "\",nonce=\"" + nonce
                + "\",signature=\"" + signature(method, pathAndQuery, timestamp, nonce, body) + "\"";
    }

    public String signature(String method, String pathAndQuery, String timestamp, String nonce, String body) {
        String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
