package io.orderflow.payment.wechat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderflow.platform.wechatpay.WechatPayCall;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.wechatpay.WechatPayGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * platform's WeChat Pay gateway, guarded per merchant as retry(rate limiter(circuit breaker(call))): retry and breaker
 * {@code wechatpay-<mchid>} from the configs {@value WechatPayGateway#CONFIG} (the breaker records only transient
 * failures and, once open, fails calls at once), and for prepay alone a rate limiter {@code prepay-<mchid>} from
 * config {@value #PREPAY_LIMIT_CONFIG}, below WeChat's 500 TPS. Settings come from {@code resilience4j.*} in YAML.
 */
@Configuration(proxyBeanMethods = false)
class WechatPayGatewayConfiguration {

    static final String PREPAY_LIMIT_CONFIG = "prepay";

    @Bean
    WechatPayGateway wechatPayGateway(
            WechatPayClients merchants,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            RateLimiterRegistry limiters) {
        return new WechatPayGateway(
                merchants,
                WechatPayGuard.retry(retries, WechatPayGateway.CONFIG)
                        .circuitBreaker(breakers, WechatPayGateway.CONFIG)
                        .rateLimiter(limiters, PREPAY_LIMIT_CONFIG, WechatPayCall.PREPAY));
    }
}
