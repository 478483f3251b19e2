package io.orderflow.events;

import java.time.Instant;

/**
 * payment-service prepaid the order at WeChat Pay and signed the JSAPI pay params; published again with
 * fresh params when a still-pending order is re-prepaid after its prepay id expired.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id the order was prepaid with; required
 * @param appid appid the order was prepaid with; required
 * @param prepayId WeChat's prepay id; required
 * @param payParams the signed parameters for {@code WeixinJSBridge}; required
 * @param prepayExpiresAt instant the prepay id stops working (WeChat keeps it 2 hours); required
 * @param requestedAt instant WeChat answered the prepay call; required
 */
public record PaymentRequested(
        String orderId,
        String mchid,
        String appid,
        String prepayId,
        JsapiPayParams payParams,
        Instant prepayExpiresAt,
        Instant requestedAt)
        implements PaymentServiceEvent {

    public PaymentRequested {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(appid, "appid");
        Checks.present(prepayId, "prepayId");
        Checks.present(payParams, "payParams");
        Checks.present(prepayExpiresAt, "prepayExpiresAt");
        Checks.present(requestedAt, "requestedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
