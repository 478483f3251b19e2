package io.orderflow.simulator.support;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationConfig;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.refund.RefundService;
import io.orderflow.simulator.RunningSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The official SDK configured as production would be (response verification on), redirected to
 * the simulator by an OkHttp interceptor that rewrites the API host (as platform's ApiHostRedirect does).
 */
public record Sdk(
        Config config,
        HttpClient http,
        JsapiServiceExtension jsapi,
        RefundService refunds,
        BillDownloadServiceExtension bills,
        NotificationParser parser) {

    /** The SDK-test merchant trusting the given WeChat Pay public key id. */
    public static Sdk forTestMerchant(RunningSimulator simulator, String publicKeyId, String publicKeyPem) {
        return forTestMerchant(simulator.baseUrl(), publicKeyId, publicKeyPem);
    }

    public static Sdk forTestMerchant(String baseUrl, String publicKeyId, String publicKeyPem) {
        return of(
                baseUrl,
                new RSAPublicKeyConfig.Builder()
                        .merchantId(SharedSimulator.MCHID)
                        .privateKey(resource("keys/merchant_private_key.pem"))
                        .merchantSerialNumber(SharedSimulator.MERCHANT_SERIAL)
                        .publicKey(publicKeyPem)
                        .publicKeyId(publicKeyId)
                        .apiV3Key(SharedSimulator.API_V3_KEY)
                        .build());
    }

    public static Sdk forTestMerchant(RunningSimulator simulator) {
        return forTestMerchant(simulator, SharedSimulator.PUBLIC_KEY_ID, resource("keys/wechat_pay_public_key.pem"));
    }

    /** A merchant whose key pair the simulator generated. */
    public static Sdk forGeneratedMerchant(RunningSimulator simulator, String mchid) {
        var merchant = simulator.merchant(mchid);
        return of(
                simulator,
                new RSAPublicKeyConfig.Builder()
                        .merchantId(mchid)
                        .privateKey(merchant.privateKeyPem())
                        .merchantSerialNumber(merchant.serialNo())
                        .publicKey(simulator.wechatPayKey().publicKeyPem())
                        .publicKeyId(simulator.wechatPayKey().publicKeyId())
                        .apiV3Key(merchant.apiV3Key())
                        .build());
    }

    public static Sdk of(RunningSimulator simulator, Config config) {
        return of(simulator.baseUrl(), config);
    }

    public static Sdk of(String baseUrl, Config config) {
        return of(config, redirecting(baseUrl));
    }

    /** Over {@code okHttp}, which must already redirect WeChat's host (a recording client, say). */
    public static Sdk of(Config config, OkHttpClient okHttp) {
        HttpClient http = new DefaultHttpClientBuilder()
                .config(config)
                .okHttpClient(okHttp)
                .build();
        return new Sdk(
                config,
                http,
                new JsapiServiceExtension.Builder()
                        .config(config)
                        .httpClient(http)
                        .build(),
                new RefundService.Builder().httpClient(http).build(),
                new BillDownloadServiceExtension.Builder()
                        .config(config)
                        .httpClient(http)
                        .build(),
                new NotificationParser((NotificationConfig) config));
    }

    /** Rewrites only WeChat's host; signatures cover path and query, so they stay valid. */
    public static OkHttpClient redirecting(RunningSimulator simulator) {
        return redirecting(simulator.baseUrl());
    }

    public static OkHttpClient redirecting(String baseUrl) {
        HttpUrl base = HttpUrl.get(baseUrl);
        return new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    if (request.url().host().equals("api.mch.weixin.qq.com")) {
                        request = request.newBuilder()
                                .url(request.url()
                                        .newBuilder()
                                        .scheme(base.scheme())
                                        .host(base.host())
                                        .port(base.port())
                                        .build())
                                .build();
                    }
                    return chain.proceed(request);
                })
                .build();
    }

    public static String resource(String path) {
        try (var in = Sdk.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
