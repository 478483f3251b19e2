package io.orderflow.platform.wechatpay;

import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends the SDK's requests for WeChat Pay's API hosts to another base URL. The SDK signs
 * only path and query, so rewriting scheme, host and port after signing keeps the signature
 * valid (the signed message is method, path with query, timestamp, nonce and body); requests to any other
 * host are left alone.
 */
final class ApiHostRedirect implements Interceptor {

    static final Set<String> API_HOSTS =
            Set.of("api.mch.weixin.qq.com", "api2.mch.weixin.qq.com", "api.wechatpay.cn", "api2.wechatpay.cn");

    private final HttpUrl base;

    ApiHostRedirect(HttpUrl base) {
        this.base = base;
    }

    @Override
    public Response intercept(Chain chain) throws java.io.IOException {
        Request request = chain.request();
        if (API_HOSTS.contains(request.url().host())) {
            HttpUrl target = request.url()
                    .newBuilder()
                    .scheme(base.scheme())
                    .host(base.host())
                    .port(base.port())
                    .build();
            request = request.newBuilder().url(target).build();
        }
        return chain.proceed(request);
    }
}
