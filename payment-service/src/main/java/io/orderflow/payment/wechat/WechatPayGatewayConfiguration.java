package io.orderflow.payment.wechat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderflow.payment.work.WorkerProperties;
import io.orderflow.platform.wechatpay.WechatPayClients;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guarded WeChat Pay gateway; resilience settings come from {@code resilience4j.*} in YAML. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class WechatPayGatewayConfiguration {

    @Bean
    WechatPayGateway wechatPayGateway(WechatPayClients merchants, RetryRegistry retries,
                                      CircuitBreakerRegistry breakers, RateLimiterRegistry limiters) {
        return new WechatPayGateway(merchants, retries, breakers, limiters);
    }
}
