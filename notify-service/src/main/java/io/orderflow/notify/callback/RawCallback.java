package io.orderflow.notify.callback;

import java.util.Map;

/**
 * A callback as received, before anything trusts it.
 *
 * @param mchid the merchant named by the URL
 * @param kind the URL's kind
 * @param headers the {@code Wechatpay-*} headers, by their exact names
 * @param body the raw body, exactly as signed
 * @param remoteAddress where it came from (the forwarded client address when a trusted proxy says so)
 */
public record RawCallback(
        String mchid, CallbackKind kind, Map<String, String> headers, String body, String remoteAddress) {

    public static final String TIMESTAMP = "Wechatpay-Timestamp";
    public static final String NONCE = "Wechatpay-Nonce";
    public static final String SIGNATURE = "Wechatpay-Signature";
    public static final String SERIAL = "Wechatpay-Serial";
    public static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";

    public String header(String name) {
        return headers.get(name);
    }
}
