package io.orderflow.notify.webhook.web;

import io.orderflow.platform.web.BearerTokenFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** platform's bearer token filter ({@code orderflow.admin.token}) in front of {@code /notify/v1/*}. */
@Configuration(proxyBeanMethods = false)
class OperatorWebConfiguration {

    @Bean
    FilterRegistrationBean<BearerTokenFilter> operatorTokenFilter(
            @Value("${" + BearerTokenFilter.PROPERTY + ":}") String token) {
        return BearerTokenFilter.registration(token, "/notify/v1/*");
    }
}
