package io.orderflow.order.shop;

import io.orderflow.platform.wechatpay.WechatPayProperties;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The merchants orderflow holds keys for, and their AppIDs: the same {@code orderflow.wechatpay.merchants} list
 * payment-, notify- and reconcile-service act on (order-service reads only the ids, never a key). A shop can be
 * registered only for one of these pairs; any other could create orders that nobody can prepay.
 */
@Component
class Merchants {

    private final Map<String, List<String>> appidsByMchid;

    Merchants(WechatPayProperties properties) {
        this.appidsByMchid = properties.merchants().stream()
                .collect(Collectors.toUnmodifiableMap(
                        WechatPayProperties.Merchant::mchid, WechatPayProperties.Merchant::appids, (a, b) -> a));
    }

    /** @throws UnknownMerchantException unless orderflow acts for this mchid with this AppID */
    void check(String mchid, String appid) {
        List<String> appids = appidsByMchid.get(mchid);
        if (appids == null) {
            throw new UnknownMerchantException("orderflow has no keys for mchid " + mchid + " (appid " + appid
                    + "); configure the merchant in orderflow.wechatpay.merchants first");
        }
        if (!appids.contains(appid)) {
            throw new UnknownMerchantException("appid " + appid + " is not bound to mchid " + mchid
                    + " in orderflow.wechatpay.merchants (bound: " + String.join(", ", appids) + ")");
        }
    }
}
