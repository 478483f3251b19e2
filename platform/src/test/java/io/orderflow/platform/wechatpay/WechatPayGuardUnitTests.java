package io.orderflow.platform.wechatpay;

import static io.orderflow.platform.wechatpay.WechatPayCallUnitTests.answer;
import static io.orderflow.platform.wechatpay.WechatPayCallUnitTests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wechat.pay.java.core.exception.HttpException;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard with registries configured as the services' YAML does: what is repeated, counted and refused. */
class WechatPayGuardUnitTests {

    private static final String MCHID = "1900000109";

    private final RetryRegistry retries = RetryRegistry.of(Map.of(
            "wechatpay",
            RetryConfig.custom()
                    .maxAttempts(3)
                    .waitDuration(Duration.ofMillis(1))
                    .retryOnException(new TransientFailure())
                    .build()));
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Map.of(
            "wechatpay",
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(4)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .recordException(new TransientFailure())
                    .build()));
    private final RateLimiterRegistry limiters = RateLimiterRegistry.of(Map.of(
            "prepay",
            RateLimiterConfig.custom()
                    .limitForPeriod(2)
                    .limitRefreshPeriod(Duration.ofHours(1))
                    .timeoutDuration(Duration.ZERO)
                    .build()));
    private final BulkheadRegistry bulkheads = BulkheadRegistry.of(Map.of(
            "wechatpay",
            BulkheadConfig.custom()
                    .maxConcurrentCalls(1)
                    .maxWaitDuration(Duration.ZERO)
                    .build()));
    private final Script script = new Script();

    @Test
    void repeatsUnavailableAnswersAndInputOutputErrorsWithTheRetryNamedAfterTheMerchant() {
        WechatPayGuard guard = WechatPayGuard.retry(retries, "wechatpay");
        script.fail(answer(503, "SYSTEM_ERROR"), new HttpException(request(), new IOException("reset")));
        assertThat(guard.call(MCHID, WechatPayCall.QUERY_ORDER, script)).isEqualTo("OK");
        assertThat(script.attempts).isEqualTo(3);
        assertThat(retries.getAllRetries()).extracting(Retry::getName).containsExactly("wechatpay-" + MCHID);

        script.fail(answer(429, "FREQUENCY_LIMITED"), answer(500, "SYSTEM_ERROR"), answer(502, "BAD_GATEWAY"));
        assertThatThrownBy(() -> guard.call(MCHID, WechatPayCall.CREATE_REFUND, script))
                .isExactlyInstanceOf(WechatPayUnavailable.class)
                .hasMessage("WeChat Pay answered 502 BAD_GATEWAY");
        assertThat(script.attempts).isEqualTo(6);
    }

    @Test
    void neverRepeatsARejection() {
        WechatPayGuard guard = WechatPayGuard.retry(retries, "wechatpay");
        script.fail(answer(400, "ORDER_CLOSED"));
        assertThatThrownBy(() -> guard.call(MCHID, WechatPayCall.CLOSE_ORDER, script))
                .isInstanceOfSatisfying(
                        WechatPayRejected.class,
                        rejected -> assertThat(rejected.alreadyDone()).isTrue());
        script.fail(answer(400, "PARAM_ERROR"));
        assertThatThrownBy(() -> guard.call(MCHID, WechatPayCall.PREPAY, script))
                .isInstanceOfSatisfying(
                        WechatPayRejected.class,
                        rejected -> assertThat(rejected.alreadyDone()).isFalse());
        assertThat(script.attempts).isEqualTo(2);
    }

    @Test
    void theBreakerCountsOnlyUnavailableAnswersAndOnceOpenFailsAtOnceWithoutRetrying() {
        WechatPayGuard guard = WechatPayGuard.retry(retries, "wechatpay").circuitBreaker(breakers, "wechatpay");
        for (int i = 0; i < 4; i++) {
            script.fail(answer(400, "PARAM_ERROR"));
            assertThatThrownBy(() -> guard.call(MCHID, WechatPayCall.PREPAY, script))
                    .isInstanceOf(WechatPayRejected.class);
        }
        assertThat(guard.circuitBreaker(MCHID).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        script.fail(answer(500, "SYSTEM_ERROR"), answer(500, "SYSTEM_ERROR"), answer(500, "SYSTEM_ERROR"));
        assertThatThrownBy(() -> guard.call(MCHID, WechatPayCall.PREPAY, script))
                .isInstanceOf(WechatPayUnavailable.class);
        assertThat(guard.circuitBreaker(MCHID).getName()).isEqualTo("wechatpay-" + MCHID);
        assertThat(guard.circuitBreaker(MCHID).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int attempts = script.attempts;
        assertThatThrownBy(() -> guard.call(MCHID, WechatPayCall.QUERY_ORDER, script))
                .isInstanceOf(WechatPayUnavailable.class)
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(script.attempts).isEqualTo(attempts);
        assertThat(guard.circuitBreaker("1900000110").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void everyAttemptOfALimitedCallNeedsAPermitAndARefusedOneIsNotRepeated() {
        WechatPayGuard guard =
                WechatPayGuard.retry(retries, "wechatpay").rateLimiter(limiters, "prepay", WechatPayCall.PREPAY);
        script.fail(answer(503, "SYSTEM_ERROR"), answer(503, "SYSTEM_ERROR"));
        assertThatThrownBy(() -> guard.call(MCHID, WechatPayCall.PREPAY, script))
                .isInstanceOf(WechatPayUnavailable.class)
                .hasCauseInstanceOf(RequestNotPermitted.class);
        assertThat(script.attempts).isEqualTo(2);
        assertThat(limiters.getAllRateLimiters())
                .extracting(limiter -> limiter.getName())
                .containsExactly("prepay-" + MCHID);
        assertThat(guard.call(MCHID, WechatPayCall.QUERY_ORDER, script)).isEqualTo("OK");
        assertThat(guard.call("1900000110", WechatPayCall.PREPAY, script)).isEqualTo("OK");
    }

    @Test
    void aLimiterForNoCallInParticularLimitsEveryCall() {
        WechatPayGuard guard = WechatPayGuard.retry(retries, "wechatpay").rateLimiter(limiters, "prepay");
        assertThat(guard.call(MCHID, WechatPayCall.QUERY_ORDER, script)).isEqualTo("OK");
        assertThat(guard.call(MCHID, WechatPayCall.CLOSE_ORDER, script)).isEqualTo("OK");
        assertThatThrownBy(() -> guard.call(MCHID, WechatPayCall.TRADE_BILL, script))
                .isInstanceOf(WechatPayUnavailable.class)
                .hasCauseInstanceOf(RequestNotPermitted.class);
    }

    @Test
    void theBulkheadCapsAMerchantsConcurrentCalls() {
        WechatPayGuard guard = WechatPayGuard.retry(retries, "wechatpay").bulkhead(bulkheads, "wechatpay");
        List<String> inner = guard.call(
                MCHID,
                WechatPayCall.QUERY_ORDER,
                () -> List.of(
                        guard.call("1900000110", WechatPayCall.QUERY_ORDER, script),
                        catching(() -> guard.call(MCHID, WechatPayCall.QUERY_REFUND, script))));
        assertThat(inner)
                .containsExactly(
                        "OK",
                        WechatPayUnavailable.class.getSimpleName() + " caused by "
                                + BulkheadFullException.class.getSimpleName());
        assertThat(script.attempts).isEqualTo(1);
    }

    private static String catching(Runnable call) {
        try {
            call.run();
            return "no failure";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + " caused by "
                    + e.getCause().getClass().getSimpleName();
        }
    }

    /** An attempt that throws the scripted failures in turn, then answers OK; counts its runs. */
    private static final class Script implements java.util.function.Supplier<String> {
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        int attempts;

        void fail(RuntimeException... next) {
            failures.addAll(List.of(next));
        }

        @Override
        public String get() {
            attempts++;
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return "OK";
        }
    }
}
