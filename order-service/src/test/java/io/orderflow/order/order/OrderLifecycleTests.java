package io.orderflow.order.order;

import static io.orderflow.order.order.OrderFlows.awaitStatus;
import static io.orderflow.order.order.OrderFlows.create;
import static io.orderflow.order.order.OrderFlows.reasons;
import static io.orderflow.order.order.OrderFlows.statusEvents;
import static io.orderflow.order.order.OrderFlows.versions;
import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.CloseRequested;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.TradeState;
import io.orderflow.order.support.Counters;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderEventsFactory;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.Shops;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.testkit.Broker;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lifecycle driven by the other services' events on the real broker, observed on
 * {@code orderflow.order.status}: one status event per transition, versions 1..n without gaps.
 */
@OrderServiceTest
class OrderLifecycleTests extends OneShopTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void happyPathStoresPayParamsForAWaitingShopThenPaysOnce() {
        double created = transitions("NONE", "PENDING");
        double paidBefore = transitions("PENDING", "SUCCESS");
        String shopOrderNo = Orders.newShopOrderNo();
        String orderId = shop.post("/v1/orders", Orders.body(shopOrderNo, 8800)).text("order_id");
        CompletableFuture<ShopClient.Answer> waiting = CompletableFuture.supplyAsync(
                () -> shop.post("/v1/orders", Orders.body(shopOrderNo, 8800), "Prefer", "wait=5"));
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        Broker.publish(events.paymentRequested());

        ShopClient.Answer answer = waiting.join();
        assertThat(meters.get("orderflow.order.orders")
                        .tag("status", "PENDING")
                        .gauge()
                        .value())
                .isPositive();
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=5");
        assertThat(answer.json().path("pay_params").path("package").asString()).isEqualTo("prepay_id=wx" + orderId);
        assertThat(answer.json().path("pay_params").path("appId").asString()).isEqualTo(Shops.APPID);
        assertThat(answer.json().path("pay_params").path("paySign").asString()).isNotEmpty();
        assertThat(answer.json().path("version").asLong()).isEqualTo(1);

        String paid = Broker.publish(events.paid(8800));
        assertThat(awaitStatus(shop, orderId, "SUCCESS").text("transaction_id")).isNotNull();
        List<OrderStatusChanged> status = statusEvents(orderId, 2);
        assertThat(reasons(status)).containsExactly("CREATED", "PAID");
        assertThat(versions(status)).containsExactly(1L, 2L);
        assertThat(status.get(0).from()).isNull();
        assertThat(status.get(1).from()).isEqualTo(OrderStatus.PENDING);
        assertThat(status.get(1).causationId()).isEqualTo(paid);
        assertThat(status.get(1).order().transactionId()).isNotNull();
        assertThat(transitions("NONE", "PENDING")).isGreaterThan(created);
        assertThat(transitions("PENDING", "SUCCESS")).isGreaterThan(paidBefore);
        assertThat(meters.get("orderflow.order.orders")
                        .tag("status", "SUCCESS")
                        .gauge()
                        .value())
                .isPositive();
    }

    private double transitions(String from, String to) {
        return Counters.count(meters, "orderflow.order.transitions", "from", from, "to", to);
    }

    @Test
    void returnsTheOrderWithoutPayParamsWhenTheyDoNotArriveInTime() {
        ShopClient.Answer answer =
                shop.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), 100), "Prefer", "wait=1");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=1");
        assertThat(answer.json().has("pay_params")).isFalse();
    }

    @Test
    void duplicateReorderedAndLateEventsChangeNothing() {
        String orderId = create(shop, 500);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        String ceId = Broker.publish(events.paid(500));
        Broker.publish(events.paid(500), ceId);
        Broker.publish(events.payment(TradeState.SUCCESS, 500, Shops.MCHID, NotificationSource.QUERY));
        Broker.publish(events.paymentRequested());
        Broker.publish(events.payment(TradeState.NOTPAY, 500, Shops.MCHID, NotificationSource.QUERY));
        Broker.publish(events.timeoutExpired());
        awaitStatus(shop, orderId, "SUCCESS");

        fence(orderId);

        List<OrderStatusChanged> status = statusEvents(orderId, 3);
        assertThat(reasons(status)).containsExactly("CREATED", "PAID", "REFUND_ACCEPTED");
        assertThat(versions(status)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void concurrentCallbacksForOneOrderMakeOneSuccess() {
        String orderId = create(shop, 700);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        IntStream.range(0, 6)
                .parallel()
                .forEach(i -> Broker.publish(events.payment(
                        TradeState.SUCCESS,
                        700,
                        Shops.MCHID,
                        i % 2 == 0 ? NotificationSource.CALLBACK : NotificationSource.QUERY)));
        awaitStatus(shop, orderId, "SUCCESS");

        fence(orderId);

        assertThat(reasons(statusEvents(orderId, 3))).containsExactly("CREATED", "PAID", "REFUND_ACCEPTED");
    }

    @Test
    void prepayFailureFailsTheOrder() {
        String orderId = create(shop, 100);
        Broker.publish(new OrderEventsFactory(orderId).prepayFailed());

        awaitStatus(shop, orderId, "FAILED");
        assertThat(reasons(statusEvents(orderId, 2))).containsExactly("CREATED", "PREPAY_FAILED");
    }

    @Test
    void closeRequestsCloseOnceAndTimeoutClosesTheOrder() {
        String orderId = create(shop, 100);

        assertThat(shop.post("/v1/orders/" + orderId + "/close", "").status()).isEqualTo(202);
        assertThat(shop.post("/v1/orders/" + orderId + "/close", "").text("status"))
                .isEqualTo("PENDING");
        Broker.publish(new OrderEventsFactory(orderId).timeoutExpired());
        awaitStatus(shop, orderId, "CLOSED");
        assertThat(shop.post("/v1/orders/" + orderId + "/close", "").status()).isEqualTo(202);
        assertError(
                shop.post("/v1/orders/" + orderId + "/refunds", OrderFlows.refund("R-" + orderId, 1)),
                409,
                "ORDER_NOT_PAID",
                orderId);

        assertThat(reasons(statusEvents(orderId, 2))).containsExactly("CREATED", "TIMEOUT_EXPIRED");
        List<CloseRequested> closes = OrderFlows.orderEvents(orderId, 1, CloseRequested.class);
        assertThat(closes).hasSize(1);
    }

    @Test
    void closedReportedByQueryClosesThePendingOrder() {
        String orderId = create(shop, 100);
        Broker.publish(
                new OrderEventsFactory(orderId).payment(TradeState.CLOSED, 100, Shops.MCHID, NotificationSource.QUERY));

        awaitStatus(shop, orderId, "CLOSED");
        assertThat(reasons(statusEvents(orderId, 2))).containsExactly("CREATED", "CLOSED_AT_WECHAT");
    }

    @Test
    void paymentFoundByPaymentServiceAfterOrderPaidOnThePaymentTopicPaysTheOrder() {
        String orderId = create(shop, 100);
        Broker.publish(new OrderEventsFactory(orderId)
                .payment(TradeState.SUCCESS, 100, Shops.MCHID, NotificationSource.PREPAY));

        awaitStatus(shop, orderId, "SUCCESS");
        assertThat(reasons(statusEvents(orderId, 2))).containsExactly("CREATED", "PAID");
    }

    @Test
    void eventForAnUnknownOrderEndsInTheDeadLetterTopic() {
        String orderId = "OF20261201"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        PaymentNotified unknown = new OrderEventsFactory(orderId).paid(100);
        String ceId = Broker.publish(unknown);

        try (TopicProbe deadLetters = Broker.probe("orderflow.notify.events.order-service.dlt")) {
            assertThat(deadLetters.awaitKey(orderId, 1, Broker.WAIT))
                    .extracting(r -> r.header("ce_id"))
                    .containsExactly(ceId);
        }
    }

    /**
     * A later transition of the same order (a refund WeChat accepted: SUCCESS → REFUND): once it is on the topic,
     * every earlier one would be too.
     */
    private void fence(String orderId) {
        OrderFlows.acceptedRefund(shop, orderId, "F-" + orderId, 1);
        awaitStatus(shop, orderId, "REFUND");
    }
}
