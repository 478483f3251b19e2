package io.orderflow.platform.test;

import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.util.PemUtil;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds WeChat Pay callbacks the way WeChat Pay does — resource encrypted with AES-256-GCM
 * under an APIv3 key, body signed with a WeChat Pay private key — so tests can send exactly
 * the callback they need: stale, under an unknown serial, encrypted with the wrong key…
 */
public final class WechatPayCallbacks {

    /** Headers by their exact names, and the body exactly as signed. */
    public record Callback(Map<String, String> headers, String body) {}

    private WechatPayCallbacks() {}

    /** A TRANSACTION.SUCCESS callback of the test merchant, signed now with the test WeChat Pay key. */
    public static Callback transaction(String resourceJson) {
        return build(
                "TRANSACTION.SUCCESS",
                "transaction",
                resourceJson,
                TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID,
                Instant.now(),
                TestMerchant.API_V3_KEY);
    }

    public static Callback build(
            String eventType,
            String originalType,
            String resourceJson,
            String serial,
            Instant timestamp,
            String apiV3Key) {
        String nonce = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String ciphertext = new AeadAesCipher(apiV3Key.getBytes(StandardCharsets.US_ASCII))
                .encrypt(
                        originalType.getBytes(StandardCharsets.UTF_8),
                        nonce.getBytes(StandardCharsets.UTF_8),
                        resourceJson.getBytes(StandardCharsets.UTF_8));
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"create_time\":\"2026-11-30T10:00:00+08:00\","
                + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"" + eventType + "\",\"summary\":\"ok\","
                + "\"resource\":{\"original_type\":\"" + originalType + "\",\"algorithm\":\"AEAD_AES_256_GCM\","
                + "\"ciphertext\":\"" + ciphertext + "\",\"associated_data\":\"" + originalType + "\",\"nonce\":\""
                + nonce + "\"}}";
        return sign(body, serial, timestamp);
    }

    /** Signs any body as WeChat Pay would: {@code timestamp\nnonce\nbody\n}, SHA256withRSA. */
    public static Callback sign(String body, String serial, Instant timestamp) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String seconds = String.valueOf(timestamp.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", seconds);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", signature(seconds + "\n" + nonce + "\n" + body + "\n"));
        headers.put("Wechatpay-Serial", serial);
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return new Callback(headers, body);
    }

    private static String signature(String message) {
        try {
            PrivateKey key = PemUtil.loadPrivateKeyFromPath(
                    TestMerchant.wechatPayPrivateKey().toString());
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
