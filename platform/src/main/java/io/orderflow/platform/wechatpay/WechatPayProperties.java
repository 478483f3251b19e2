package io.orderflow.platform.wechatpay;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchants this service acts for, under {@code orderflow.wechatpay}. Keys come from
 * files (Kubernetes Secrets mounted as files) or the environment; never from git.
 *
 * @param merchants one entry per merchant (mchid)
 * @param apiBaseUrl when set, every SDK request to {@code api.mch.weixin.qq.com} goes here
 *     instead (the simulator, e.g. {@code http://127.0.0.1:8099}); a merchant may override it
 * @param connectTimeout TCP connect timeout of API calls
 * @param readTimeout read timeout of API calls
 */
@ConfigurationProperties("orderflow.wechatpay")
public record WechatPayProperties(
        List<Merchant> merchants, String apiBaseUrl, Duration connectTimeout, Duration readTimeout) {

    public WechatPayProperties {
        merchants = merchants == null ? List.of() : List.copyOf(merchants);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }

    /**
     * One merchant's identity and keys.
     *
     * @param mchid merchant id
     * @param appids the official-account AppIDs bound to the merchant; the first is the default
     * @param privateKeyPath PKCS#8 PEM file of the merchant's API private key
     * @param merchantSerialNumber serial of the merchant's API certificate (hex)
     * @param wechatPayPublicKeyPath SPKI PEM file of the WeChat Pay public key (public-key mode)
     * @param wechatPayPublicKeyId its id, {@code PUB_KEY_ID_…}, as WeChat sends in {@code Wechatpay-Serial}
     * @param platformCertificatePaths PEM files of WeChat Pay platform certificates (certificate
     *     mode, or beside the public key while a merchant migrates)
     * @param autoCertificate download and refresh platform certificates through the API instead
     * @param apiV3Key the 32-byte APIv3 key (prefer {@code apiV3KeyPath})
     * @param apiV3KeyPath a file holding the APIv3 key
     * @param notifyBaseUrl public base URL of notify-service, callbacks go to
     *     {@code <base>/wechatpay/notify/<mchid>/transaction|refund}
     * @param apiBaseUrl this merchant's redirect of the API host, overriding the global one
     */
    public record Merchant(
            String mchid,
            List<String> appids,
            String privateKeyPath,
            String merchantSerialNumber,
            String wechatPayPublicKeyPath,
            String wechatPayPublicKeyId,
            List<String> platformCertificatePaths,
            boolean autoCertificate,
            String apiV3Key,
            String apiV3KeyPath,
            String notifyBaseUrl,
            String apiBaseUrl) {

        public Merchant {
            appids = appids == null ? List.of() : List.copyOf(appids);
            platformCertificatePaths =
                    platformCertificatePaths == null ? List.of() : List.copyOf(platformCertificatePaths);
        }

        /** Never prints the APIv3 key. */
        @Override
        public String toString() {
            return "Merchant[mchid=" + mchid + ", appids=" + appids + ", serial=" + merchantSerialNumber + "]";
        }
    }
}
