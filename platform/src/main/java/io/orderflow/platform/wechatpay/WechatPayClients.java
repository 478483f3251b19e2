package io.orderflow.platform.wechatpay;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured merchants' clients, by mchid. */
public class WechatPayClients {

    private final Map<String, MerchantClients> byMchid = new LinkedHashMap<>();

    public WechatPayClients(Collection<MerchantClients> merchants) {
        for (MerchantClients merchant : merchants) {
            if (byMchid.putIfAbsent(merchant.mchid(), merchant) != null) {
                throw new WechatPayConfigurationException(merchant.mchid(), "mchid", "is configured twice");
            }
        }
    }

    public Optional<MerchantClients> find(String mchid) {
        return Optional.ofNullable(byMchid.get(mchid));
    }

    /** The merchant's clients; an unknown mchid is a configuration error, not a transient one. */
    public MerchantClients merchant(String mchid) {
        return find(mchid).orElseThrow(() -> new UnknownMerchantException(mchid));
    }

    public Collection<MerchantClients> all() {
        return byMchid.values();
    }

    /** An event or callback names a merchant this service has no keys for. */
    public static class UnknownMerchantException extends IllegalArgumentException {
        public UnknownMerchantException(String mchid) {
            super("no WeChat Pay merchant " + mchid + " is configured (orderflow.wechatpay.merchants)");
        }
    }
}
