package io.orderflow.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets, derived and never stored: the secret of generation {@code g} of an endpoint is
 * {@code "whsec_" + base64url(HMAC-SHA256(master key, endpointId + ":" + g))}. The master key
 * ({@value #PROPERTY}, at least 32 bytes in Base64) comes from one Kubernetes Secret given to order-service, which
 * shows a secret to the shop once, and to notify-service, which signs with it. The signature of a delivery is
 * {@code hex(HMAC-SHA256(secret, t + "." + body))} with {@code t} in Unix seconds.
 */
public final class WebhookSecrets {

    public static final String PROPERTY = "orderflow.webhooks.master-key";
    public static final String SIGNATURE_HEADER = "Orderflow-Signature";
    private static final String PREFIX = "whsec_";

    private final byte[] masterKey;

    public WebhookSecrets(String base64MasterKey) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64MasterKey == null ? "" : base64MasterKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not Base64; set ORDERFLOW_WEBHOOKS_MASTER_KEY", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException(PROPERTY + " must be at least 32 bytes in Base64; set "
                    + "ORDERFLOW_WEBHOOKS_MASTER_KEY (the same Secret for order-service and notify-service)");
        }
        this.masterKey = key;
    }

    /** The endpoint's secret of that generation: what the shop's receiver verifies with. */
    public String secret(String endpointId, int generation) {
        byte[] derived = hmac(masterKey, (endpointId + ":" + generation).getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
    }

    /**
     * The id under which notify-service keeps a shop's deliveries to its orders' own {@code notify_url}s (they have
     * no endpoint of their own): {@code shop:<shop_id>}. Endpoint ids start with {@code we_}, so none collides.
     */
    public static String shopEndpointId(String shopId) {
        return "shop:" + shopId;
    }

    /**
     * The shop's webhook secret: it signs deliveries to its orders' own {@code notify_url}s. The secret of generation 1
     * of {@link #shopEndpointId}; not rotatable (a leak of it means a new master key, as for every endpoint).
     */
    public String shopSecret(String shopId) {
        return secret(shopEndpointId(shopId), 1);
    }

    /** {@code t=<unix seconds>,v1=<hex>} with one {@code v1} per secret (two during a rotation's overlap). */
    public static String signatureHeader(long unixSeconds, byte[] body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(signature(secret, unixSeconds, body));
        }
        return header.toString();
    }

    /** {@code hex(HMAC-SHA256(secret, t + "." + body))}. */
    public static String signature(String secret, long unixSeconds, byte[] body) {
        byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), signed));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecrets[master key hidden]";
    }
}
