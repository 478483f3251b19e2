package io.orderflow.platform.wechatpay;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAAutoCertificateConfig;
import com.wechat.pay.java.core.RSAConfig;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.auth.WechatPay2Validator;
import com.wechat.pay.java.core.certificate.InMemoryCertificateProvider;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.cipher.Verifier;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationConfig;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.refund.RefundService;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds a merchant's SDK clients from its settings, failing with a message that names the
 * merchant and the setting when something is missing or malformed. The SDK verifies every
 * response signature; callbacks are verified with the WeChat Pay public key and any platform
 * certificates at once, so a merchant migrating between the two keeps working.
 */
public class MerchantClientFactory {

    private static final String SIGN_TYPE = "WECHATPAY2-SHA256-RSA2048";
    private static final String AEAD = "AEAD_AES_256_GCM";

    private final WechatPayProperties properties;
    private final MeterRegistry meters;

    public MerchantClientFactory(WechatPayProperties properties) {
        this(properties, null);
    }

    /** With a registry, every call to WeChat Pay is timed by endpoint, status and error code. */
    public MerchantClientFactory(WechatPayProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    public MerchantClients create(WechatPayProperties.Merchant merchant) {
        MerchantKeys keys = MerchantKeys.load(merchant);
        OkHttpClient ok = okHttp(merchant);
        Config config = config(merchant, keys, ok);
        Verifier verifier = verifier(keys, config);
        HttpClient http = new DefaultHttpClientBuilder()
                .config(config)
                .okHttpClient(ok)
                .validator(new WechatPay2Validator(verifier))
                .build();
        return new MerchantClients(
                merchant.mchid(),
                merchant.appids(),
                keys.notifyBaseUrl(),
                config,
                http,
                new JsapiServiceExtension.Builder()
                        .config(config)
                        .httpClient(http)
                        .build(),
                new RefundService.Builder().httpClient(http).build(),
                new BillDownloadServiceExtension.Builder()
                        .httpClient(http)
                        .decryptor(config.createDecryptor())
                        .build(),
                new NotificationParser(Map.of(SIGN_TYPE, verifier), Map.of(AEAD, new AeadAesCipher(keys.apiV3Key()))));
    }

    private OkHttpClient okHttp(WechatPayProperties.Merchant merchant) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false);
        if (meters != null) {
            builder.addInterceptor(new WechatPayCallMetrics(meters, merchant.mchid()));
        }
        String base = merchant.apiBaseUrl() != null ? merchant.apiBaseUrl() : properties.apiBaseUrl();
        if (base != null && !base.isBlank()) {
            HttpUrl url = HttpUrl.parse(base);
            if (url == null) {
                throw new WechatPayConfigurationException(merchant.mchid(), "api-base-url", "is not a URL: " + base);
            }
            builder.addInterceptor(new ApiHostRedirect(url));
        }
        return builder.build();
    }

    private static Config config(WechatPayProperties.Merchant merchant, MerchantKeys keys, OkHttpClient ok) {
        if (keys.publicKey() != null) {
            return new RSAPublicKeyConfig.Builder()
                    .merchantId(merchant.mchid())
                    .privateKey(keys.privateKey())
                    .merchantSerialNumber(merchant.merchantSerialNumber())
                    .publicKey(keys.publicKey())
                    .publicKeyId(merchant.wechatPayPublicKeyId())
                    .apiV3Key(keys.apiV3KeyText())
                    .build();
        }
        if (merchant.autoCertificate()) {
            return new RSAAutoCertificateConfig.Builder()
                    .merchantId(merchant.mchid())
                    .privateKey(keys.privateKey())
                    .merchantSerialNumber(merchant.merchantSerialNumber())
                    .apiV3Key(keys.apiV3KeyText())
                    .httpClientBuilder(new DefaultHttpClientBuilder().okHttpClient(ok))
                    .build();
        }
        return new RSAConfig.Builder()
                .merchantId(merchant.mchid())
                .privateKey(keys.privateKey())
                .merchantSerialNumber(merchant.merchantSerialNumber())
                .wechatPayCertificatesFromPath(
                        merchant.platformCertificatePaths().toArray(String[]::new))
                .build();
    }

    /** Public key (by its id) and certificates (by serial) together; auto-certificate mode uses the SDK's own. */
    private static Verifier verifier(MerchantKeys keys, Config config) {
        List<X509Certificate> certificates = keys.certificates();
        if (keys.publicKey() != null && certificates.isEmpty()) {
            return new RSAVerifier(keys.publicKey(), keys.publicKeyId());
        }
        if (keys.publicKey() != null) {
            return new RSAVerifier(keys.publicKey(), keys.publicKeyId(), new InMemoryCertificateProvider(certificates));
        }
        if (!certificates.isEmpty()) {
            return new RSAVerifier(new InMemoryCertificateProvider(certificates));
        }
        return ((NotificationConfig) config).createVerifier();
    }
}
