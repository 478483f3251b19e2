package io.orderflow.platform.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.HttpMethod;
import com.wechat.pay.java.core.http.HttpRequest;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which WeChat Pay failures are repeated in the call and counted by the circuit breaker. */
class TransientFailureUnitTests {

    private final TransientFailure predicate = new TransientFailure();

    @ParameterizedTest
    @CsvSource({
        "500, SYSTEM_ERROR, true",
        "502, SERVICE_UNAVAILABLE, true",
        "503, SERVICE_UNAVAILABLE, true",
        "429, FREQUENCY_LIMITED, true",
        "400, PARAM_ERROR, false",
        "400, INVALID_REQUEST, false",
        "400, APPID_MCHID_NOT_MATCH, false",
        "400, ORDER_CLOSED, false",
        "400, ORDERPAID, false",
        "401, SIGN_ERROR, false",
        "403, NO_AUTH, false",
        "404, MCH_NOT_EXISTS, false"
    })
    void retriesServerErrorsAndRateLimitsOnly(int status, String code, boolean transientFailure) {
        assertThat(predicate.test(serviceException(status, code))).isEqualTo(transientFailure);
    }

    @Test
    void retriesInputOutputErrorsWhoseOutcomeIsUnknown() {
        assertThat(predicate.test(new HttpException(request(), new IOException("unexpected end of stream"))))
                .isTrue();
    }

    @Test
    void neverRetriesAnOpenCircuitARefusedPermitOrAnUnverifiableAnswerInTheCall() {
        assertThat(predicate.test(
                        CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
                .isFalse();
        assertThat(predicate.test(RequestNotPermitted.createRequestNotPermitted(RateLimiter.ofDefaults("x"))))
                .isFalse();
        assertThat(predicate.test(new ValidationException("bad signature"))).isFalse();
    }

    @Test
    void recognisesAlreadyPaidInBothSpellings() {
        assertThat(prepayAnswer(400, "ORDERPAID").alreadyDone()).isTrue();
        assertThat(prepayAnswer(400, "ORDER_PAID").alreadyDone()).isTrue();
        assertThat(prepayAnswer(400, "ORDER_CLOSED").alreadyDone()).isFalse();
    }

    private static WechatPayRejected prepayAnswer(int status, String code) {
        return (WechatPayRejected) WechatPayCall.PREPAY.classify(serviceException(status, code));
    }

    private static ServiceException serviceException(int status, String code) {
        return new ServiceException(request(), status, "{\"code\":\"" + code + "\",\"message\":\"m\"}");
    }

    private static HttpRequest request() {
        return new HttpRequest.Builder()
                .httpMethod(HttpMethod.POST)
                .url("https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi")
                .build();
    }
}
