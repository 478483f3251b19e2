package io.orderflow.order.order;

import static io.orderflow.order.order.OrderFlows.awaitStatus;
import static io.orderflow.order.order.OrderFlows.create;
import static io.orderflow.order.order.OrderFlows.reasons;
import static io.orderflow.order.order.OrderFlows.statusEvents;
import static io.orderflow.order.order.OrderFlows.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.AnomalyKind;
import io.orderflow.events.EventTypes;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.RefundRequested;
import io.orderflow.events.TradeState;
import io.orderflow.order.shop.ShopManagement;
import io.orderflow.order.support.Broker;
import io.orderflow.order.support.OrderEventsFactory;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.Shops;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payments that do not match their order, and payments after close: stored, counted, emitted. */
@OrderServiceTest
class AnomalyTests {

    @Autowired ShopManagement shops;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;
    ShopClient shop;

    @BeforeEach
    void registerShop() {
        shop = Shops.register(shops, port);
    }

    @Test
    void amountMismatchIsAnAnomalyAndNeverSuccess() {
        String orderId = create(shop, 1000);
        double before = count(AnomalyKind.AMOUNT_MISMATCH);
        String ceId = Broker.publish(new OrderEventsFactory(orderId).paid(1));

        List<OrderAnomalyDetected> anomalies = OrderFlows.events(EventTypes.ORDER_EVENTS_TOPIC, orderId, 1,
                OrderAnomalyDetected.class);
        assertThat(anomalies).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.AMOUNT_MISMATCH);
            assertThat(anomaly.expectedFen()).isEqualTo(1000);
            assertThat(anomaly.reportedFen()).isEqualTo(1);
            assertThat(anomaly.causationId()).isEqualTo(ceId);
        });
        assertThat(stored(orderId)).containsExactly("AMOUNT_MISMATCH");
        await().until(() -> count(AnomalyKind.AMOUNT_MISMATCH) == before + 1);
        assertThat(shop.get("/v1/orders/" + orderId).text("status")).isEqualTo("PENDING");

        Broker.publish(new OrderEventsFactory(orderId).paid(1000));
        awaitStatus(shop, orderId, "SUCCESS");
        assertThat(reasons(statusEvents(orderId, 2))).containsExactly("CREATED", "PAID");
    }

    @Test
    void paymentToAnotherMerchantIsAMerchantMismatch() {
        String orderId = create(shop, 1000);
        Broker.publish(new OrderEventsFactory(orderId).payment(TradeState.SUCCESS, 1000, "1900000999",
                NotificationSource.CALLBACK));

        assertThat(OrderFlows.events(EventTypes.ORDER_EVENTS_TOPIC, orderId, 1, OrderAnomalyDetected.class))
                .extracting(OrderAnomalyDetected::kind).containsExactly(AnomalyKind.MERCHANT_MISMATCH);
        assertThat(shop.get("/v1/orders/" + orderId).text("status")).isEqualTo("PENDING");
    }

    @Test
    void paidAfterCloseSucceedsIsFlaggedAndRefundedInFull() {
        String orderId = create(shop, 2500);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        Broker.publish(events.timeoutExpired());
        awaitStatus(shop, orderId, "CLOSED");
        Broker.publish(events.paid(2500));

        awaitStatus(shop, orderId, "REFUND");
        List<OrderStatusChanged> status = statusEvents(orderId, 4);
        assertThat(reasons(status)).containsExactly("CREATED", "TIMEOUT_EXPIRED", "PAID_AFTER_CLOSE", "REFUND_REQUESTED");
        assertThat(versions(status)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(status.get(2).from()).isEqualTo(OrderStatus.CLOSED);
        assertThat(status.get(2).to()).isEqualTo(OrderStatus.SUCCESS);
        List<RefundRequested> refunds = OrderFlows.events(EventTypes.ORDER_EVENTS_TOPIC, orderId, 1, RefundRequested.class);
        assertThat(refunds).singleElement().satisfies(refund -> {
            assertThat(refund.outRefundNo()).isEqualTo("PAC" + orderId);
            assertThat(refund.refund().fen()).isEqualTo(2500);
        });
        assertThat(stored(orderId)).containsExactly("PAID_AFTER_CLOSE");
    }

    private List<String> stored(String orderId) {
        return jdbc.sql("select kind from order_anomaly where order_id = ? order by id").param(orderId)
                .query(String.class).list();
    }

    private double count(AnomalyKind kind) {
        Counter counter = meters.find(Anomalies.METRIC).tag("kind", kind.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}
