package io.orderflow.platform.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.HttpMethod;
import com.wechat.pay.java.core.http.HttpRequest;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How every call's failures reach its caller: rejected (maybe already done) or unavailable. */
class WechatPayCallUnitTests {

    @ParameterizedTest
    @CsvSource({
        "PREPAY, 400, ORDERPAID, true",
        "PREPAY, 400, ORDER_PAID, true",
        "PREPAY, 400, ORDER_CLOSED, false",
        "PREPAY, 400, PARAM_ERROR, false",
        "PREPAY, 400, INVALID_REQUEST, false",
        "CLOSE_ORDER, 400, ORDER_CLOSED, true",
        "CLOSE_ORDER, 400, ORDERPAID, false",
        "CLOSE_ORDER, 400, ORDER_PAID, false",
        "CLOSE_ORDER, 404, ORDER_NOT_EXIST, false",
        "QUERY_ORDER, 404, ORDER_NOT_EXIST, false",
        "QUERY_ORDER, 400, ORDERPAID, false",
        "QUERY_ORDER, 400, ORDER_CLOSED, false",
        "CREATE_REFUND, 403, NOT_ENOUGH, false",
        "CREATE_REFUND, 400, ORDER_CLOSED, false",
        "CREATE_REFUND, 404, RESOURCE_NOT_EXISTS, false",
        "QUERY_REFUND, 404, RESOURCE_NOT_EXISTS, false",
        "TRADE_BILL, 400, NO_STATEMENT_EXIST, false",
        "TRADE_BILL, 400, STATEMENT_CREATING, false",
        "PREPAY, 401, SIGN_ERROR, false",
        "PREPAY, 403, NO_AUTH, false"
    })
    void answersOtherThan5xxOr429AreRejectionsAlreadyDoneOnlyForTheCallsCodes(
            WechatPayCall call, int status, String code, boolean alreadyDone) {
        ServiceException answer = answer(status, code);
        RuntimeException classified = call.classify(answer);
        assertThat(classified)
                .isExactlyInstanceOf(WechatPayRejected.class)
                .hasCause(answer)
                .hasMessage(status + " " + code + ": m");
        WechatPayRejected rejected = (WechatPayRejected) classified;
        assertThat(rejected.httpStatus()).isEqualTo(status);
        assertThat(rejected.code()).isEqualTo(code);
        assertThat(rejected.errorMessage()).isEqualTo("m");
        assertThat(rejected.alreadyDone()).isEqualTo(alreadyDone);
    }

    @ParameterizedTest
    @EnumSource(WechatPayCall.class)
    void anAnswerWithoutABodyIsRejectedWithItsStatusAsCodeAndMessage(WechatPayCall call) {
        WechatPayRejected rejected = (WechatPayRejected) call.classify(new ServiceException(request(), 404, ""));
        assertThat(rejected.code()).isEqualTo("HTTP_404");
        assertThat(rejected.errorMessage()).isEqualTo("HTTP 404");
        assertThat(rejected.alreadyDone()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "500, SYSTEM_ERROR",
        "502, SERVICE_UNAVAILABLE",
        "503, SERVICE_UNAVAILABLE",
        "500, BANK_ERROR",
        "429, FREQUENCY_LIMITED",
        "500, ORDER_CLOSED",
        "429, ORDERPAID"
    })
    void serverErrorsAndRateLimitsAreUnavailableForEveryCall(int status, String code) {
        for (WechatPayCall call : WechatPayCall.values()) {
            ServiceException answer = answer(status, code);
            assertThat(call.classify(answer))
                    .isExactlyInstanceOf(WechatPayUnavailable.class)
                    .hasCause(answer)
                    .hasMessage("WeChat Pay answered " + status + " " + code);
        }
    }

    @ParameterizedTest
    @MethodSource("noAnswer")
    void whateverIsNotAnAnswerIsUnavailable(RuntimeException failure) {
        for (WechatPayCall call : WechatPayCall.values()) {
            assertThat(call.classify(failure))
                    .isExactlyInstanceOf(WechatPayUnavailable.class)
                    .hasCause(failure)
                    .hasMessageStartingWith(failure.getClass().getSimpleName() + ": ");
        }
    }

    static Stream<Arguments> noAnswer() {
        return Stream.of(
                Arguments.of(new HttpException(request(), new IOException("connection reset"))),
                Arguments.of(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))),
                Arguments.of(RequestNotPermitted.createRequestNotPermitted(RateLimiter.ofDefaults("x"))),
                Arguments.of(BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("x"))),
                Arguments.of(new ValidationException("bad signature")),
                Arguments.of(new MalformedMessageException("not JSON")),
                Arguments.of(new IllegalArgumentException("Wechatpay-Timestamp is expired")));
    }

    static ServiceException answer(int status, String code) {
        return new ServiceException(request(), status, "{\"code\":\"" + code + "\",\"message\":\"m\"}");
    }

    static HttpRequest request() {
        return new HttpRequest.Builder()
                .httpMethod(HttpMethod.POST)
                .url("https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi")
                .build();
    }
}
