package io.orderflow.order.order.domain;

import io.orderflow.events.JsapiPayParams;

/** The JSAPI parameters a shop page passes to {@code WeixinJSBridge.invoke('getBrandWCPayRequest', …)}. */
public record PayParams(
        String appId, String timeStamp, String nonceStr, String packageValue, String signType, String paySign) {

    public static PayParams of(JsapiPayParams params) {
        return new PayParams(
                params.appId(),
                params.timeStamp(),
                params.nonceStr(),
                params.packageValue(),
                params.signType(),
                params.paySign());
    }
}
