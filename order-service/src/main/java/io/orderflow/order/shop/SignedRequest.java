package io.orderflow.order.shop;

/**
 * What a request claims and what it signed.
 *
 * @param shopId the shop it claims to come from
 * @param timestamp Unix seconds, as sent
 * @param nonce a one-time value, as sent
 * @param signature the Base64 signature, as sent
 * @param method the HTTP method
 * @param pathAndQuery the raw path, plus "?" and the raw query when there is one
 * @param body the raw body bytes (empty when none)
 */
public record SignedRequest(
        String shopId,
        String timestamp,
        String nonce,
        String signature,
        String method,
        String pathAndQuery,
        byte[] body) {}
