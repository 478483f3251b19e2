package io.orderflow.platform.wechatpay;

import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The WeChat Pay calls of orderflow through the official SDK, each inside the service's {@link WechatPayGuard}.
 * Callers see two outcomes besides success: {@link WechatPayRejected} (a definite answer, maybe already done) or
 * {@link WechatPayUnavailable} (try again later with the same parameters).
 */
public class WechatPayGateway {

    /** The YAML config name of the services' WeChat Pay retry, circuit breaker, rate limiter and bulkhead. */
    public static final String CONFIG = "wechatpay";

    private final WechatPayClients merchants;
    private final WechatPayGuard guard;

    public WechatPayGateway(WechatPayClients merchants, WechatPayGuard guard) {
        this.merchants = merchants;
        this.guard = guard;
    }

    /** JSAPI prepay with the signed pay params; re-entrant for identical parameters. */
    public PrepayWithRequestPaymentResponse prepay(PrepayRequest request) {
        return call(
                request.getMchid(),
                WechatPayCall.PREPAY,
                merchant -> merchant.jsapi().prepayWithRequestPayment(request));
    }

    public Transaction queryOrder(String mchid, String outTradeNo) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(mchid);
        request.setOutTradeNo(outTradeNo);
        return call(
                mchid, WechatPayCall.QUERY_ORDER, merchant -> merchant.jsapi().queryOrderByOutTradeNo(request));
    }

    /** Closes the order; returns normally on 204. */
    public void closeOrder(String mchid, String outTradeNo) {
        CloseOrderRequest request = new CloseOrderRequest();
        request.setMchid(mchid);
        request.setOutTradeNo(outTradeNo);
        call(mchid, WechatPayCall.CLOSE_ORDER, merchant -> {
            merchant.jsapi().closeOrder(request);
            return null;
        });
    }

    /** Refund create; WeChat refunds one {@code out_refund_no} once, so repeating it is safe. */
    public Refund createRefund(String mchid, CreateRequest request) {
        return call(
                mchid,
                WechatPayCall.CREATE_REFUND,
                merchant -> merchant.refunds().create(request));
    }

    public Refund queryRefund(String mchid, String outRefundNo) {
        QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        return call(
                mchid,
                WechatPayCall.QUERY_REFUND,
                merchant -> merchant.refunds().queryByOutRefundNo(request));
    }

    /**
     * Applies for the day's ALL trade bill and hands the download (not yet read, hash not yet checked) to
     * {@code download}, inside the same guard; NO_STATEMENT_EXIST and STATEMENT_CREATING arrive as
     * {@link WechatPayRejected} with those codes.
     */
    public <T> T tradeBill(String mchid, LocalDate billDate, Function<DigestBillEntity, T> download) {
        GetTradeBillRequest request = new GetTradeBillRequest();
        request.setBillDate(billDate.toString());
        request.setBillType(BillType.ALL);
        return call(
                mchid,
                WechatPayCall.TRADE_BILL,
                merchant -> download.apply(merchant.bills().getTradeBill(request)));
    }

    /** An unknown merchant is a configuration error, but reported as unavailable: its row waits for the keys. */
    private <T> T call(String mchid, WechatPayCall call, Function<MerchantClients, T> attempt) {
        MerchantClients merchant;
        try {
            merchant = merchants.merchant(mchid);
        } catch (WechatPayClients.UnknownMerchantException e) {
            throw new WechatPayUnavailable(e.getMessage(), e);
        }
        return guard.call(mchid, call, () -> attempt.apply(merchant));
    }
}
