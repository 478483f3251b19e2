package io.orderflow.reconcile;

import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.test.SimulatedWechatPayTests;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.testkit.Broker;
import io.orderflow.testkit.OrderCreatedBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * reconcile-service against the simulated WeChat Pay of {@link SimulatedWechatPayTests}. Orders are prepaid at the
 * simulator by the test itself; events go in as their services publish them and come out on the reconcile topic.
 */
public abstract class SimulatedWechatPay extends SimulatedWechatPayTests {

    @Autowired
    protected WechatPayClients merchants;

    /** A new order, prepaid at the simulator as payment-service would, with its OrderCreated (not sent). */
    protected OrderCreated prepaid(long fen, Instant expireAt) {
        OrderCreated order = OrderCreatedBuilder.orderCreated(
                        "RS" + UUID.randomUUID().toString().replace("-", "").substring(0, 24))
                .withDescription("reconcile test")
                .withFen(fen)
                .withExpireAt(expireAt)
                .build();
        PrepayRequest request = new PrepayRequest();
        request.setAppid(order.appid());
        request.setMchid(order.mchid());
        request.setDescription(order.description());
        request.setOutTradeNo(order.orderId());
        request.setNotifyUrl("http://127.0.0.1:1/wechatpay/notify/" + TestMerchant.MCHID + "/transaction");
        Amount amount = new Amount();
        amount.setTotal((int) fen);
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid(order.payerOpenid());
        request.setPayer(payer);
        merchants.merchant(TestMerchant.MCHID).jsapi().prepayWithRequestPayment(request);
        return order;
    }

    /** Publishes as its service does; returns the ce_id. */
    protected static String send(OrderflowEvent event) {
        return Broker.publish(event);
    }

    /** Publishes the events in order; returns their ce_ids. */
    protected static List<String> sendAll(List<? extends OrderflowEvent> events) {
        return Broker.publishAll(events);
    }

    /** The first {@code count} events reconcile-service published for this order, decoded. */
    protected static List<OrderflowEvent> reconcileEvents(String orderId, int count) {
        return Broker.awaitEvents(EventTypes.RECONCILE_EVENTS_TOPIC, orderId, count, WAIT);
    }
}
