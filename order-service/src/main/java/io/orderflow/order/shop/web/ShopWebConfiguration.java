package io.orderflow.order.shop.web;

import io.orderflow.order.shop.ShopAuthentication;
import io.orderflow.platform.web.BearerTokenFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the shop filter in front of {@code /v1/*} and the admin filter in front of {@code /admin/*}. */
@Configuration(proxyBeanMethods = false)
class ShopWebConfiguration {

    @Bean
    FilterRegistrationBean<ShopAuthenticationFilter> shopAuthenticationFilter(
            ShopAuthentication authentication, @Value("${orderflow.shops.max-body-bytes:65536}") int maxBodyBytes) {
        FilterRegistrationBean<ShopAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ShopAuthenticationFilter(authentication, maxBodyBytes));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(0);
        return registration;
    }

    /** platform's bearer token filter ({@code orderflow.admin.token}), as in front of reconcile-service's operator API. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> adminTokenFilter(
            @Value("${" + BearerTokenFilter.PROPERTY + ":}") String token) {
        return BearerTokenFilter.registration(token, "/admin/*");
    }
}
