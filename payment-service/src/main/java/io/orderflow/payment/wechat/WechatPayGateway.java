package io.orderflow.payment.wechat;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderflow.platform.wechatpay.MerchantClients;
import io.orderflow.platform.wechatpay.TransientFailure;
import io.orderflow.platform.wechatpay.WechatPayClients;
import java.util.function.Supplier;

/**
 * The SDK calls payment-service makes, each decorated as retry(rate limiter(circuit breaker(call))):
 * the retry (config {@value #RETRY_CONFIG}) repeats transient failures with identical
 * parameters; the breaker, one per merchant (config {@value #BREAKER_CONFIG}), records only
 * transient failures and, once open, fails calls at once without retrying; prepay passes a per-merchant
 * rate limiter (config {@value #PREPAY_LIMIT_CONFIG}) below WeChat's 500 TPS. Instances come from
 * the registries, so their settings live in {@code application.yml}.
 */
public class WechatPayGateway {

    public static final String RETRY_CONFIG = "wechatpay";
    public static final String BREAKER_CONFIG = "wechatpay";
    public static final String PREPAY_LIMIT_CONFIG = "prepay";

    private final WechatPayClients merchants;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;

    public WechatPayGateway(WechatPayClients merchants, RetryRegistry retries, CircuitBreakerRegistry breakers,
                            RateLimiterRegistry limiters) {
        this.merchants = merchants;
        this.retries = retries;
        this.breakers = breakers;
        this.limiters = limiters;
    }

    /** JSAPI prepay with the signed pay params; re-entrant for identical parameters. */
    public PrepayWithRequestPaymentResponse prepay(PrepayRequest request) {
        MerchantClients merchant = merchant(request.getMchid());
        RateLimiter limiter = limiters.rateLimiter("prepay-" + merchant.mchid(), PREPAY_LIMIT_CONFIG);
        return call(merchant.mchid(), limiter, () -> merchant.jsapi().prepayWithRequestPayment(request));
    }

    public Transaction queryOrder(String mchid, String outTradeNo) {
        MerchantClients merchant = merchant(mchid);
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(mchid);
        request.setOutTradeNo(outTradeNo);
        return call(mchid, null, () -> merchant.jsapi().queryOrderByOutTradeNo(request));
    }

    /** Refund create; WeChat refunds one {@code out_refund_no} once, so repeating it is safe. */
    public Refund createRefund(String mchid, CreateRequest request) {
        MerchantClients merchant = merchant(mchid);
        return call(mchid, null, () -> merchant.refunds().create(request));
    }

    /** The breaker guarding a merchant's calls (one per merchant, created on first use). */
    public CircuitBreaker circuitBreaker(String mchid) {
        return breakers.circuitBreaker("wechatpay-" + mchid, BREAKER_CONFIG);
    }

    /** retry(rate limiter(circuit breaker(call))): every attempt needs a permit; a refused permit is no failure. */
    private <T> T call(String mchid, RateLimiter limiter, Supplier<T> call) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker(mchid), call);
        if (limiter != null) {
            guarded = RateLimiter.decorateSupplier(limiter, guarded);
        }
        guarded = Retry.decorateSupplier(retries.retry("wechatpay-" + mchid, RETRY_CONFIG), guarded);
        try {
            return guarded.get();
        } catch (ServiceException e) {
            if (TransientFailure.isTransient(e)) {
                throw new WechatPayUnavailable("WeChat Pay answered " + e.getHttpStatusCode() + " " + e.getErrorCode(), e);
            }
            String code = e.getErrorCode() == null ? "HTTP_" + e.getHttpStatusCode() : e.getErrorCode();
            String message = e.getErrorMessage() == null ? "HTTP " + e.getHttpStatusCode() : e.getErrorMessage();
            throw new WechatPayRejected(e.getHttpStatusCode(), code, message, e);
        } catch (RuntimeException e) {
            throw new WechatPayUnavailable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private MerchantClients merchant(String mchid) {
        try {
            return merchants.merchant(mchid);
        } catch (WechatPayClients.UnknownMerchantException e) {
            throw new WechatPayUnavailable(e.getMessage(), e);
        }
    }
}
