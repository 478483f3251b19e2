package io.orderflow.events;

/**
 * The signed parameters a shop page passes to {@code WeixinJSBridge.invoke('getBrandWCPayRequest', ...)}.
 * On the JavaScript side the names are {@code appId, timeStamp, nonceStr, package, signType, paySign}.
 *
 * @param appId the appid the payment is made under; required
 * @param timeStamp seconds since the epoch, as a decimal string, that was signed; required
 * @param nonceStr random string that was signed; required
 * @param packageValue the JS {@code package} parameter, {@code prepay_id=<prepay id>}; required
 * @param signType signature algorithm, {@code RSA} for WeChat Pay API v3; required
 * @param paySign Base64 RSA-SHA256 signature of appId, timeStamp, nonceStr and package with the merchant key;
 *     required
 */
public record JsapiPayParams(
        String appId, String timeStamp, String nonceStr, String packageValue, String signType, String paySign) {

    public JsapiPayParams {
        Checks.present(appId, "appId");
        Checks.present(timeStamp, "timeStamp");
        Checks.present(nonceStr, "nonceStr");
        Checks.present(packageValue, "packageValue");
        Checks.present(signType, "signType");
        Checks.present(paySign, "paySign");
    }
}
