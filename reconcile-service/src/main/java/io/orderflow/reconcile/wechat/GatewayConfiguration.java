package io.orderflow.reconcile.wechat;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.wechatpay.WechatPayGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * platform's WeChat Pay gateway, every call (query, close, refund query, trade bill) guarded per merchant as
 * retry(rate limiter(bulkhead(call))) with instances {@code wechatpay-<mchid>} from the YAML configs named
 * {@value WechatPayGateway#CONFIG}: the rate limiter keeps a backlog below WeChat's limits, the bulkhead caps the
 * merchant's concurrent calls, the retry repeats transient failures (query and close are idempotent).
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    WechatPayGateway wechatPayGateway(
            WechatPayClients merchants,
            RetryRegistry retries,
            RateLimiterRegistry limiters,
            BulkheadRegistry bulkheads) {
        return new WechatPayGateway(
                merchants,
                WechatPayGuard.retry(retries, WechatPayGateway.CONFIG)
                        .rateLimiter(limiters, WechatPayGateway.CONFIG)
                        .bulkhead(bulkheads, WechatPayGateway.CONFIG));
    }
}
