package io.orderflow.reconcile.wechat;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderflow.platform.wechatpay.MerchantClients;
import io.orderflow.platform.wechatpay.TransientFailure;
import io.orderflow.platform.wechatpay.WechatPayClients;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Query, close, refund query and trade bill download at WeChat, each decorated as retry(rate limiter(bulkhead(call))) with
 * per-merchant instances ({@code wechatpay-<mchid>}) created from the YAML configs named
 * {@value #CONFIG}: the rate limiter keeps a backlog below WeChat's limits, the bulkhead caps the
 * merchant's concurrent calls, the retry repeats transient failures (query and close are idempotent).
 */
public class WechatPayGateway {

    public static final String CONFIG = "wechatpay";

    private final WechatPayClients merchants;
    private final RetryRegistry retries;
    private final RateLimiterRegistry limiters;
    private final BulkheadRegistry bulkheads;

    public WechatPayGateway(WechatPayClients merchants, RetryRegistry retries, RateLimiterRegistry limiters,
                            BulkheadRegistry bulkheads) {
        this.merchants = merchants;
        this.retries = retries;
        this.limiters = limiters;
        this.bulkheads = bulkheads;
    }

    public Transaction queryOrder(String mchid, String outTradeNo) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(mchid);
        request.setOutTradeNo(outTradeNo);
        return call(mchid, merchant -> merchant.jsapi().queryOrderByOutTradeNo(request));
    }

    /** Closes the order; returns normally on 204. */
    public void closeOrder(String mchid, String outTradeNo) {
        CloseOrderRequest request = new CloseOrderRequest();
        request.setMchid(mchid);
        request.setOutTradeNo(outTradeNo);
        call(mchid, merchant -> {
            merchant.jsapi().closeOrder(request);
            return null;
        });
    }

    public Refund queryRefund(String mchid, String outRefundNo) {
        QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        return call(mchid, merchant -> merchant.refunds().queryByOutRefundNo(request));
    }

    /**
     * Applies for the day's ALL trade bill and hands the download (not yet read, hash not yet checked) to
     * {@code download}, inside the same guards; NO_STATEMENT_EXIST and STATEMENT_CREATING arrive as
     * {@link WechatPayRejected} with those codes.
     */
    public <T> T tradeBill(String mchid, LocalDate billDate, Function<DigestBillEntity, T> download) {
        GetTradeBillRequest request = new GetTradeBillRequest();
        request.setBillDate(billDate.toString());
        request.setBillType(BillType.ALL);
        return call(mchid, merchant -> download.apply(merchant.bills().getTradeBill(request)));
    }

    private <T> T call(String mchid, java.util.function.Function<MerchantClients, T> call) {
        MerchantClients merchant;
        try {
            merchant = merchants.merchant(mchid);
        } catch (WechatPayClients.UnknownMerchantException e) {
            throw new WechatPayUnavailable(e.getMessage(), e);
        }
        String name = CONFIG + "-" + mchid;
        Bulkhead bulkhead = bulkheads.bulkhead(name, CONFIG);
        RateLimiter limiter = limiters.rateLimiter(name, CONFIG);
        Supplier<T> guarded = Bulkhead.decorateSupplier(bulkhead, () -> call.apply(merchant));
        guarded = RateLimiter.decorateSupplier(limiter, guarded);
        guarded = Retry.decorateSupplier(retries.retry(name, CONFIG), guarded);
        try {
            return guarded.get();
        } catch (ServiceException e) {
            if (TransientFailure.isTransient(e)) {
                throw new WechatPayUnavailable("WeChat Pay answered " + e.getHttpStatusCode() + " " + e.getErrorCode(), e);
            }
            String code = e.getErrorCode() == null ? "HTTP_" + e.getHttpStatusCode() : e.getErrorCode();
            throw new WechatPayRejected(e.getHttpStatusCode(), code, String.valueOf(e.getErrorMessage()), e);
        } catch (RuntimeException e) {
            throw new WechatPayUnavailable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
