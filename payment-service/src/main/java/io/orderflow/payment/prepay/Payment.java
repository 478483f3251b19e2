package io.orderflow.payment.prepay;

import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import io.orderflow.events.OrderCreated;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A prepay of one order: the parameters WeChat gets, identical on every attempt, and its state.
 *
 * @param timeExpire {@code time_expire} as sent: the order's expiry in RFC 3339 at +08:00
 * @param expireAt the same instant, after which the order cannot be paid
 * @param attempts prepay attempts that failed transiently so far
 * @param traceParent the W3C traceparent of the OrderCreated that asked for it, or null
 */
public record Payment(
        String orderId,
        String mchid,
        String appid,
        String description,
        long amountFen,
        String currency,
        String payerOpenid,
        String attach,
        String timeExpire,
        Instant expireAt,
        String notifyUrl,
        PaymentStatus status,
        int attempts,
        String prepayId,
        Instant prepayExpiresAt,
        String traceParent) {

    static final DateTimeFormatter RFC_3339_CHINA =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.ofHours(8));

    static Payment requested(OrderCreated order, String notifyUrl, String traceParent) {
        return new Payment(
                order.orderId(),
                order.mchid(),
                order.appid(),
                order.description(),
                order.amount().fen(),
                order.amount().currency(),
                order.payerOpenid(),
                order.attach(),
                RFC_3339_CHINA.format(order.expireAt()),
                order.expireAt(),
                notifyUrl,
                PaymentStatus.PREPAYING,
                0,
                null,
                null,
                traceParent);
    }

    /** The prepay request; built from the stored parameters only, so every attempt sends the same. */
    PrepayRequest prepayRequest() {
        PrepayRequest request = new PrepayRequest();
        request.setAppid(appid);
        request.setMchid(mchid);
        request.setDescription(description);
        request.setOutTradeNo(orderId);
        request.setTimeExpire(timeExpire);
        request.setAttach(attach);
        request.setNotifyUrl(notifyUrl);
        Amount amount = new Amount();
        amount.setTotal(Math.toIntExact(amountFen));
        amount.setCurrency(currency);
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid(payerOpenid);
        request.setPayer(payer);
        return request;
    }

    boolean payableAt(Instant now) {
        return now.isBefore(expireAt);
    }
}
