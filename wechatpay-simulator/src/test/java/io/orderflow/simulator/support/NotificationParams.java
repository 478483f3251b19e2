package io.orderflow.simulator.support;

import com.wechat.pay.java.core.notification.RequestParam;

/** Builds the SDK's RequestParam from a received callback, as a merchant's notify handler does. */
public final class NotificationParams {

    private NotificationParams() {}

    public static RequestParam of(CallbackReceiver.Received callback, String body) {
        return of(callback, body, null);
    }

    /** {@code tamper} = "nonce" corrupts that header, to show the parser rejects it. */
    public static RequestParam of(CallbackReceiver.Received callback, String body, String tamper) {
        String nonce = callback.header("Wechatpay-Nonce");
        return new RequestParam.Builder()
                .serialNumber(callback.header("Wechatpay-Serial"))
                .nonce("nonce".equals(tamper) ? nonce + "x" : nonce)
                .signature(callback.header("Wechatpay-Signature"))
                .timestamp(callback.header("Wechatpay-Timestamp"))
                .signType(callback.header("Wechatpay-Signature-Type"))
                .body(body)
                .build();
    }
}
