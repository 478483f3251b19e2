package io.orderflow.simulator.support;

import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import java.util.concurrent.atomic.AtomicLong;

/** Builds SDK prepay requests with unique out_trade_no values. */
public final class Orders {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Orders() {}

    public static String nextOutTradeNo() {
        return "T" + SEQUENCE.incrementAndGet();
    }

    public static PrepayRequest prepay(String mchid, String appid, String notifyUrl, int total) {
        PrepayRequest request = new PrepayRequest();
        request.setAppid(appid);
        request.setMchid(mchid);
        request.setDescription("orderflow test");
        request.setOutTradeNo(nextOutTradeNo());
        request.setNotifyUrl(notifyUrl);
        Amount amount = new Amount();
        amount.setTotal(total);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        request.setPayer(payer);
        return request;
    }

    public static PrepayRequest prepay(String notifyUrl, int total) {
        return prepay(SharedSimulator.MCHID, SharedSimulator.APPID, notifyUrl, total);
    }

    public static com.wechat.pay.java.service.refund.model.CreateRequest refund(
            String outTradeNo, String outRefundNo, long refund, long total) {
        var request = new com.wechat.pay.java.service.refund.model.CreateRequest();
        request.setOutTradeNo(outTradeNo);
        request.setOutRefundNo(outRefundNo);
        var amount = new com.wechat.pay.java.service.refund.model.AmountReq();
        amount.setRefund(refund);
        amount.setTotal(total);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return request;
    }
}
