package io.orderflow.platform.wechatpay;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The resilience4j guard of a service's WeChat Pay calls, per merchant: retry(rate limiter(circuit breaker(bulkhead(call)))),
 * each layer present when the service names its YAML config. Instances are {@code <config>-<mchid>}, created from the
 * registries on first use, so their settings live in {@code resilience4j.*} of the service's {@code application.yml};
 * the retry config names {@link TransientFailure} as its predicate, so only I/O errors, 5xx and 429 are repeated (with
 * identical parameters), while a 4xx, an open circuit, a refused permit or a full bulkhead leave at once. Every attempt
 * needs its own rate limiter permit; a refused permit is no failure of WeChat. What the call still throws leaves
 * {@link WechatPayCall#classify classified}.
 */
public final class WechatPayGuard {

    private final RetryRegistry retries;
    private final String retryConfig;
    private final CircuitBreakerRegistry breakers;
    private final String breakerConfig;
    private final RateLimiterRegistry limiters;
    private final String limiterConfig;
    private final Set<WechatPayCall> limited;
    private final BulkheadRegistry bulkheads;
    private final String bulkheadConfig;

    private WechatPayGuard(
            RetryRegistry retries,
            String retryConfig,
            CircuitBreakerRegistry breakers,
            String breakerConfig,
            RateLimiterRegistry limiters,
            String limiterConfig,
            Set<WechatPayCall> limited,
            BulkheadRegistry bulkheads,
            String bulkheadConfig) {
        this.retries = retries;
        this.retryConfig = retryConfig;
        this.breakers = breakers;
        this.breakerConfig = breakerConfig;
        this.limiters = limiters;
        this.limiterConfig = limiterConfig;
        this.limited = limited;
        this.bulkheads = bulkheads;
        this.bulkheadConfig = bulkheadConfig;
    }

    /** A guard that retries with the retry config named {@code config} and has no other layer yet. */
    public static WechatPayGuard retry(RetryRegistry retries, String config) {
        return new WechatPayGuard(retries, config, null, null, null, null, Set.of(), null, null);
    }

    /** This guard with a circuit breaker per merchant, shared by all its calls. */
    public WechatPayGuard circuitBreaker(CircuitBreakerRegistry registry, String config) {
        return new WechatPayGuard(
                retries, retryConfig, registry, config, limiters, limiterConfig, limited, bulkheads, bulkheadConfig);
    }

    /** This guard with a rate limiter per merchant, shared by the calls named (by every call when none is named). */
    public WechatPayGuard rateLimiter(RateLimiterRegistry registry, String config, WechatPayCall... calls) {
        return new WechatPayGuard(
                retries,
                retryConfig,
                breakers,
                breakerConfig,
                registry,
                config,
                Set.of(calls),
                bulkheads,
                bulkheadConfig);
    }

    /** This guard with a bulkhead per merchant capping its concurrent calls. */
    public WechatPayGuard bulkhead(BulkheadRegistry registry, String config) {
        return new WechatPayGuard(
                retries, retryConfig, breakers, breakerConfig, limiters, limiterConfig, limited, registry, config);
    }

    /**
     * Runs {@code attempt} for the merchant inside the guard.
     *
     * @throws WechatPayRejected when WeChat answered a 4xx other than 429
     * @throws WechatPayUnavailable for anything else that went wrong
     */
    public <T> T call(String mchid, WechatPayCall call, Supplier<T> attempt) {
        Supplier<T> guarded = attempt;
        if (bulkheads != null) {
            guarded =
                    Bulkhead.decorateSupplier(bulkheads.bulkhead(name(bulkheadConfig, mchid), bulkheadConfig), guarded);
        }
        if (breakers != null) {
            guarded = CircuitBreaker.decorateSupplier(circuitBreaker(mchid), guarded);
        }
        if (limiters != null && (limited.isEmpty() || limited.contains(call))) {
            guarded = RateLimiter.decorateSupplier(
                    limiters.rateLimiter(name(limiterConfig, mchid), limiterConfig), guarded);
        }
        guarded = Retry.decorateSupplier(retries.retry(name(retryConfig, mchid), retryConfig), guarded);
        try {
            return guarded.get();
        } catch (RuntimeException e) {
            throw call.classify(e);
        }
    }

    /** The breaker guarding the merchant's calls (created on first use); null when this guard has none. */
    public CircuitBreaker circuitBreaker(String mchid) {
        return breakers == null ? null : breakers.circuitBreaker(name(breakerConfig, mchid), breakerConfig);
    }

    private static String name(String config, String mchid) {
        return config + "-" + mchid;
    }
}
