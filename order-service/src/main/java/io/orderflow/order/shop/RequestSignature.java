package io.orderflow.order.shop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shop request signature: Base64(HMAC-SHA256(secret, METHOD\npath?query\ntimestamp\nnonce\nbody\n)),
 * with the secret's UTF-8 bytes as key and the body's raw bytes.
 */
public final class RequestSignature {

    private RequestSignature() {}

    /** The text that is signed, as bytes. */
    public static byte[] message(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes((method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n")
                .getBytes(StandardCharsets.UTF_8));
        message.writeBytes(body);
        message.write('\n');
        return message.toByteArray();
    }

    public static String sign(String secret, byte[] message) {
        return Base64.getEncoder().encodeToString(hmac(secret, message));
    }

    /** Compares in constant time; a signature that is not Base64 does not match. */
    public static boolean matches(String secret, byte[] message, String signature) {
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, message), presented);
    }

    private static byte[] hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
