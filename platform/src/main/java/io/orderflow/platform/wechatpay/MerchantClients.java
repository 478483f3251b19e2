package io.orderflow.platform.wechatpay;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.refund.RefundService;
import java.util.List;

/**
 * Everything needed to talk to WeChat Pay as one merchant, built once at start-up.
 *
 * @param mchid the merchant id
 * @param appids the AppIDs bound to it
 * @param notifyBaseUrl public base URL of notify-service
 * @param config the SDK configuration (merchant key, verifier, APIv3 key)
 * @param http the SDK HTTP client (signing requests, verifying responses, maybe redirected)
 * @param jsapi prepay with JSAPI pay params, query and close
 * @param refunds refund create and query
 * @param bills trade bill download with hash check
 * @param notifications verifies and decrypts callbacks (public key and certificates at once)
 */
public record MerchantClients(
        String mchid,
        List<String> appids,
        String notifyBaseUrl,
        Config config,
        HttpClient http,
        JsapiServiceExtension jsapi,
        RefundService refunds,
        BillDownloadServiceExtension bills,
        NotificationParser notifications) {

    public String transactionNotifyUrl() {
        return notifyBaseUrl + "/wechatpay/notify/" + mchid + "/transaction";
    }

    public String refundNotifyUrl() {
        return notifyBaseUrl + "/wechatpay/notify/" + mchid + "/refund";
    }

    public boolean owns(String appid) {
        return appids.contains(appid);
    }
}
