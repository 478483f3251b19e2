package io.orderflow.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.order.support.OrderEventsFactory;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.testkit.Broker;
import java.util.List;

/** Steps shared by the flow tests: create through the API, wait for states, read the topics. */
public final class OrderFlows {

    private OrderFlows() {}

    static String create(ShopClient shop, long fen) {
        ShopClient.Answer created = shop.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), fen));
        if (created.status() != 201) {
            throw new IllegalStateException("create failed: " + created.json());
        }
        return created.text("order_id");
    }

    static ShopClient.Answer awaitStatus(ShopClient shop, String orderId, String status) {
        await().atMost(Broker.WAIT)
                .until(() -> status.equals(shop.get("/v1/orders/" + orderId).text("status")));
        return shop.get("/v1/orders/" + orderId);
    }

    /** Creates an order and pays it through a callback. */
    public static String paidOrder(ShopClient shop, long fen) {
        String orderId = create(shop, fen);
        Broker.publish(new OrderEventsFactory(orderId).paid(fen));
        awaitStatus(shop, orderId, "SUCCESS");
        return orderId;
    }

    /** Creates an order and lets it expire unpaid: closed by its timeout. */
    static String expiredOrder(ShopClient shop, long fen) {
        String orderId = create(shop, fen);
        Broker.publish(new OrderEventsFactory(orderId).timeoutExpired());
        awaitStatus(shop, orderId, "CLOSED");
        return orderId;
    }

    /** A refund request's body. */
    static String refund(String outRefundNo, long fen) {
        return "{\"out_refund_no\":\"" + outRefundNo + "\",\"amount\":{\"refund\":" + fen
                + ",\"currency\":\"CNY\"},\"reason\":\"test\"}";
    }

    /** The shop requests a refund of the order, and the API takes the request (202). */
    static void requestRefund(ShopClient shop, String orderId, String outRefundNo, long fen) {
        assertThat(shop.post("/v1/orders/" + orderId + "/refunds", refund(outRefundNo, fen))
                        .status())
                .isEqualTo(202);
    }

    /** The shop requests a refund (202) and WeChat accepts it (RefundSubmitted). */
    static void acceptedRefund(ShopClient shop, String orderId, String outRefundNo, long fen) {
        requestRefund(shop, orderId, outRefundNo, fen);
        Broker.publish(new OrderEventsFactory(orderId).refundSubmitted(outRefundNo, fen));
    }

    /** The order's status events once at least {@code count} have arrived. */
    static List<OrderStatusChanged> statusEvents(String orderId, int count) {
        return events(EventTypes.ORDER_STATUS_TOPIC, orderId, count, OrderStatusChanged.class);
    }

    /** The order's events of this type on the order events topic once at least {@code count} have arrived. */
    static <T extends OrderflowEvent> List<T> orderEvents(String orderId, int count, Class<T> type) {
        return events(EventTypes.ORDER_EVENTS_TOPIC, orderId, count, type);
    }

    private static <T extends OrderflowEvent> List<T> events(String topic, String orderId, int count, Class<T> type) {
        try (TopicProbe probe = Broker.probe(topic)) {
            return Broker.decode(
                    probe
                            .awaitRecords(
                                    all -> Broker.decode(
                                                            all.stream()
                                                                    .filter(r -> orderId.equals(r.key()))
                                                                    .toList(),
                                                            type)
                                                    .size()
                                            >= count,
                                    Broker.WAIT)
                            .stream()
                            .filter(r -> orderId.equals(r.key()))
                            .toList(),
                    type);
        }
    }

    static List<String> reasons(List<OrderStatusChanged> events) {
        return events.stream().map(OrderStatusChanged::reason).toList();
    }

    static List<Long> versions(List<OrderStatusChanged> events) {
        return events.stream().map(OrderStatusChanged::version).toList();
    }
}
