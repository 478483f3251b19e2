package io.orderflow.reconcile.wechat;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderflow.platform.wechatpay.WechatPayClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guarded WeChat Pay gateway; resilience settings come from {@code resilience4j.*} in YAML. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    WechatPayGateway wechatPayGateway(WechatPayClients merchants, RetryRegistry retries, RateLimiterRegistry limiters,
                                      BulkheadRegistry bulkheads) {
        return new WechatPayGateway(merchants, retries, limiters, bulkheads);
    }
}
