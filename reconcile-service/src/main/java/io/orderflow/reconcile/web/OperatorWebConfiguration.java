package io.orderflow.reconcile.web;

import io.orderflow.platform.web.BearerTokenFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator API ({@code /reconcile/**}: bill runs and reports, stuck timers and queries) takes the operator's
 * bearer token, {@code orderflow.admin.token}; without one configured it is closed (ADR 0015).
 */
@Configuration(proxyBeanMethods = false)
class OperatorWebConfiguration {

    @Bean
    FilterRegistrationBean<BearerTokenFilter> operatorTokenFilter(
            @Value("${" + BearerTokenFilter.PROPERTY + ":}") String token) {
        return BearerTokenFilter.registration(token, "/reconcile/*");
    }
}
