package io.orderflow.order.order;

import static io.orderflow.order.order.OrderFlows.paidOrder;
import static io.orderflow.order.order.OrderFlows.reasons;
import static io.orderflow.order.order.OrderFlows.statusEvents;
import static io.orderflow.order.order.OrderFlows.versions;
import static io.orderflow.order.order.OrderLifecycleTests.refund;
import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.AnomalyKind;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.RefundRequested;
import io.orderflow.events.RefundStatus;
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

/** Refunds: partial and full, the remainder rule, idempotent retries, rejections and notifications. */
@OrderServiceTest
class RefundTests {

    @Autowired ShopManagement shops;
    @LocalServerPort int port;
    ShopClient shop;

    @BeforeEach
    void registerShop() {
        shop = Shops.register(shops, port);
    }

    @Test
    void partialRefundsUpToTheRemainderThenRejectsAbove() {
        String orderId = paidOrder(shop, 1000);
        String path = "/v1/orders/" + orderId + "/refunds";

        ShopClient.Answer first = shop.post(path, refund("A-" + orderId, 600));
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.text("status")).isEqualTo("REFUND");
        assertThat(first.json().path("refunds").get(0).path("status").asString()).isEqualTo("REQUESTED");
        assertError(shop.post(path, refund("B-" + orderId, 401)), 422, "REFUND_AMOUNT_EXCEEDS_REMAINING", "400 fen");
        assertThat(shop.post(path, refund("B-" + orderId, 400)).status()).isEqualTo(202);
        assertError(shop.post(path, refund("C-" + orderId, 1)), 422, "REFUND_AMOUNT_EXCEEDS_REMAINING", "0 fen");

        List<RefundRequested> requested = OrderFlows.events(EventTypes.ORDER_EVENTS_TOPIC, orderId, 2,
                RefundRequested.class);
        assertThat(requested).extracting(r -> r.refund().fen()).containsExactly(600L, 400L);
        assertThat(requested).allSatisfy(r -> assertThat(r.orderTotal().fen()).isEqualTo(1000));
    }

    @Test
    void retryWithTheSameOutRefundNoIsAcceptedOnceAndAnotherAmountConflicts() {
        String orderId = paidOrder(shop, 1000);
        String path = "/v1/orders/" + orderId + "/refunds";

        assertThat(shop.post(path, refund("R-" + orderId, 300)).status()).isEqualTo(202);
        ShopClient.Answer retry = shop.post(path, refund("R-" + orderId, 300));
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("refunds").size()).isEqualTo(1);
        assertError(shop.post(path, refund("R-" + orderId, 200)), 409, "OUT_REFUND_NO_CONFLICT", "R-" + orderId);
        String other = paidOrder(shop, 1000);
        assertError(shop.post("/v1/orders/" + other + "/refunds", refund("R-" + orderId, 300)), 409,
                "OUT_REFUND_NO_CONFLICT", "R-" + orderId);

        fenceByRefund(orderId, "Z-" + orderId);
        assertThat(reasons(statusEvents(orderId, 4)))
                .containsExactly("CREATED", "PAID", "REFUND_REQUESTED", "REFUND_REQUESTED");
    }

    @Test
    void submittedThenNotifiedSuccessCountsTheRefundedAmount() {
        String orderId = paidOrder(shop, 1000);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        shop.post("/v1/orders/" + orderId + "/refunds", refund("S-" + orderId, 300));
        Broker.publish(events.refundSubmitted("S-" + orderId, 300));
        // payment and notify events travel on different topics: only within a topic is order kept
        await().atMost(Broker.WAIT).until(() -> "PROCESSING".equals(shop.get("/v1/orders/" + orderId).json()
                .path("refunds").get(0).path("status").asString()));
        Broker.publish(events.refundNotified("S-" + orderId, 300, RefundStatus.SUCCESS));
        Broker.publish(events.refundNotified("S-" + orderId, 300, RefundStatus.SUCCESS));
        Broker.publish(events.refundSubmitted("S-" + orderId, 300));

        await().atMost(Broker.WAIT).until(() -> shop.get("/v1/orders/" + orderId).json().path("refunded_amount")
                .asLong() == 300);
        ShopClient.Answer order = shop.get("/v1/orders/" + orderId);
        assertThat(order.json().path("refunds").get(0).path("status").asString()).isEqualTo("SUCCESS");
        assertThat(order.json().path("refunds").get(0).path("refund_id").asString()).isEqualTo("5000S-" + orderId);

        fenceByRefund(orderId, "T-" + orderId);
        List<OrderStatusChanged> status = statusEvents(orderId, 6);
        assertThat(reasons(status)).containsExactly("CREATED", "PAID", "REFUND_REQUESTED", "REFUND_UPDATED",
                "REFUND_UPDATED", "REFUND_REQUESTED");
        assertThat(versions(status)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(status.get(4).order().refundedAmount().fen()).isEqualTo(300);
        assertThat(status.get(4).order().refunds().get(0).status()).isEqualTo(RefundStatus.SUCCESS);
    }

    @Test
    void rejectedRefundFreesItsAmount() {
        String orderId = paidOrder(shop, 1000);
        String path = "/v1/orders/" + orderId + "/refunds";
        shop.post(path, refund("X-" + orderId, 1000));
        Broker.publish(new OrderEventsFactory(orderId).refundRejected("X-" + orderId));

        await().atMost(Broker.WAIT).until(() -> "REJECTED".equals(shop.get("/v1/orders/" + orderId).json()
                .path("refunds").get(0).path("status").asString()));
        assertThat(shop.post(path, refund("Y-" + orderId, 1000)).status()).isEqualTo(202);
        List<OrderStatusChanged> status = statusEvents(orderId, 5);
        assertThat(reasons(status)).containsExactly("CREATED", "PAID", "REFUND_REQUESTED", "REFUND_UPDATED",
                "REFUND_REQUESTED");
        assertThat(status.get(3).order().refunds().get(0).status()).isEqualTo(RefundStatus.CLOSED);
    }

    @Test
    void abnormalRefundIsRecordedAsAnAnomalyAndNoLongerInFlight() {
        String orderId = paidOrder(shop, 1000);
        shop.post("/v1/orders/" + orderId + "/refunds", refund("N-" + orderId, 1000));
        Broker.publish(new OrderEventsFactory(orderId).refundNotified("N-" + orderId, 1000, RefundStatus.ABNORMAL));

        List<OrderAnomalyDetected> anomalies = OrderFlows.events(EventTypes.ORDER_EVENTS_TOPIC, orderId, 1,
                OrderAnomalyDetected.class);
        assertThat(anomalies).extracting(OrderAnomalyDetected::kind).containsExactly(AnomalyKind.REFUND_ABNORMAL);
        assertThat(reasons(statusEvents(orderId, 4))).containsExactly("CREATED", "PAID", "REFUND_REQUESTED",
                "REFUND_UPDATED");
        assertThat(shop.get("/v1/orders/" + orderId).json().path("refunds").get(0).path("status").asString())
                .isEqualTo("ABNORMAL");
    }

    @Test
    void refundOfAnUnpaidOrderIsRejected() {
        String orderId = OrderFlows.create(shop, 1000);

        assertError(shop.post("/v1/orders/" + orderId + "/refunds", refund("P-" + orderId, 1)), 409, "ORDER_NOT_PAID",
                orderId);
        assertError(shop.post("/v1/orders/" + orderId + "/refunds", "{\"out_refund_no\":\"bad no!\",\"amount\":{\"refund\":1}}"),
                400, "FIELD_INVALID", "out_refund_no");
    }

    private void fenceByRefund(String orderId, String outRefundNo) {
        assertThat(shop.post("/v1/orders/" + orderId + "/refunds", refund(outRefundNo, 1)).status()).isEqualTo(202);
    }
}
