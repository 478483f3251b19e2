package io.orderflow.order.order;

import static io.orderflow.order.order.OrderFlows.acceptedRefund;
import static io.orderflow.order.order.OrderFlows.awaitStatus;
import static io.orderflow.order.order.OrderFlows.paidOrder;
import static io.orderflow.order.order.OrderFlows.reasons;
import static io.orderflow.order.order.OrderFlows.refund;
import static io.orderflow.order.order.OrderFlows.requestRefund;
import static io.orderflow.order.order.OrderFlows.statusEvents;
import static io.orderflow.order.order.OrderFlows.versions;
import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.AnomalyKind;
import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.RefundRequested;
import io.orderflow.events.RefundStatus;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderEventsFactory;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.ShopClient;
import io.orderflow.testkit.Broker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refunds: partial and full, the remainder rule, idempotent retries, rejections and notifications. */
@OrderServiceTest
class RefundTests extends OneShopTestBase {

    @Test
    void partialRefundsUpToTheRemainderThenRejectsAbove() {
        String orderId = paidOrder(shop, 1000);
        String path = "/v1/orders/" + orderId + "/refunds";

        ShopClient.Answer first = shop.post(path, refund("A-" + orderId, 600));
        assertThat(first.status()).isEqualTo(202);
        // requested, not yet accepted by WeChat: the order claims no refund yet
        assertThat(first.text("status")).isEqualTo("SUCCESS");
        assertThat(first.json().path("refunds").get(0).path("status").asString())
                .isEqualTo("REQUESTED");
        assertError(shop.post(path, refund("B-" + orderId, 401)), 422, "REFUND_AMOUNT_EXCEEDS_REMAINING", "400 fen");
        requestRefund(shop, orderId, "B-" + orderId, 400);
        assertError(shop.post(path, refund("C-" + orderId, 1)), 422, "REFUND_AMOUNT_EXCEEDS_REMAINING", "0 fen");

        List<RefundRequested> requested = OrderFlows.orderEvents(orderId, 2, RefundRequested.class);
        assertThat(requested).extracting(r -> r.refund().fen()).containsExactly(600L, 400L);
        assertThat(requested).allSatisfy(r -> assertThat(r.orderTotal().fen()).isEqualTo(1000));
    }

    @Test
    void retryWithTheSameOutRefundNoIsAcceptedOnceAndAnotherAmountConflicts() {
        String orderId = paidOrder(shop, 1000);
        String path = "/v1/orders/" + orderId + "/refunds";

        requestRefund(shop, orderId, "R-" + orderId, 300);
        ShopClient.Answer retry = shop.post(path, refund("R-" + orderId, 300));
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("refunds").size()).isEqualTo(1);
        assertError(shop.post(path, refund("R-" + orderId, 200)), 409, "OUT_REFUND_NO_CONFLICT", "R-" + orderId);
        String other = paidOrder(shop, 1000);
        assertError(
                shop.post("/v1/orders/" + other + "/refunds", refund("R-" + orderId, 300)),
                409,
                "OUT_REFUND_NO_CONFLICT",
                "R-" + orderId);

        // a later request of the same order: once its RefundRequested is on the topic, a second R would be too
        requestRefund(shop, orderId, "Z-" + orderId, 1);
        assertThat(OrderFlows.orderEvents(orderId, 2, RefundRequested.class))
                .extracting(RefundRequested::outRefundNo)
                .containsExactly("R-" + orderId, "Z-" + orderId);
    }

    @Test
    void submittedThenNotifiedSuccessCountsTheRefundedAmount() {
        String orderId = paidOrder(shop, 1000);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        acceptedRefund(shop, orderId, "S-" + orderId, 300);
        // payment and notify events travel on different topics: only within a topic is order kept
        awaitFirstRefundStatus(orderId, "PROCESSING");
        assertThat(shop.get("/v1/orders/" + orderId).text("status")).isEqualTo("REFUND");
        Broker.publish(events.refundNotified("S-" + orderId, 300, RefundStatus.SUCCESS));
        Broker.publish(events.refundNotified("S-" + orderId, 300, RefundStatus.SUCCESS));
        Broker.publish(events.refundSubmitted("S-" + orderId, 300));

        await().atMost(Broker.WAIT).until(() -> refundedAmount(orderId) == 300);
        ShopClient.Answer order = shop.get("/v1/orders/" + orderId);
        assertThat(order.json().path("refunds").get(0).path("status").asString())
                .isEqualTo("SUCCESS");
        assertThat(order.json().path("refunds").get(0).path("refund_id").asString())
                .isEqualTo("5000S-" + orderId);

        fenceByRefund(orderId, "T-" + orderId);
        List<OrderStatusChanged> status = statusEvents(orderId, 5);
        assertThat(reasons(status))
                .containsExactly("CREATED", "PAID", "REFUND_ACCEPTED", "REFUND_UPDATED", "REFUND_UPDATED");
        assertThat(versions(status)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(status.get(3).order().refundedAmount().fen()).isEqualTo(300);
        assertThat(status.get(3).order().refunds().get(0).status()).isEqualTo(RefundStatus.SUCCESS);
    }

    @Test
    void rejectedRefundFreesItsAmountAndTheOrderNeverClaimedIt() {
        String orderId = paidOrder(shop, 1000);
        rejectedRefund(orderId, "X-" + orderId, 1000);

        assertThat(shop.get("/v1/orders/" + orderId).text("status")).isEqualTo("SUCCESS");
        acceptedRefund(shop, orderId, "Y-" + orderId, 1000);
        List<OrderStatusChanged> status = statusEvents(orderId, 3);
        assertThat(reasons(status)).containsExactly("CREATED", "PAID", "REFUND_ACCEPTED");
        assertThat(status.get(2).order().refunds())
                .extracting(r -> r.status())
                .containsExactly(RefundStatus.CLOSED, RefundStatus.PROCESSING);
    }

    @Test
    void anOrderWhoseOnlyRefundClosesIsSuccessAgainAndRefundableInFull() {
        String orderId = paidOrder(shop, 1000);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        acceptedRefund(shop, orderId, "C-" + orderId, 400);
        awaitStatus(shop, orderId, "REFUND");
        Broker.publish(events.refundNotified("C-" + orderId, 400, RefundStatus.CLOSED));

        awaitStatus(shop, orderId, "SUCCESS");
        assertThat(reasons(statusEvents(orderId, 4)))
                .containsExactly("CREATED", "PAID", "REFUND_ACCEPTED", "REFUNDS_ENDED_UNPAID");
        requestRefund(shop, orderId, "D-" + orderId, 1000);
    }

    @Test
    void abnormalRefundIsAnAnomalyAndStillCountsAgainstTheRemainder() {
        String orderId = paidOrder(shop, 1000);
        String path = "/v1/orders/" + orderId + "/refunds";
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        shop.post(path, refund("N-" + orderId, 1000));
        Broker.publish(events.refundNotified("N-" + orderId, 1000, RefundStatus.ABNORMAL));

        List<OrderAnomalyDetected> anomalies = OrderFlows.orderEvents(orderId, 1, OrderAnomalyDetected.class);
        assertThat(anomalies).extracting(OrderAnomalyDetected::kind).containsExactly(AnomalyKind.REFUND_ABNORMAL);
        assertThat(reasons(statusEvents(orderId, 3))).containsExactly("CREATED", "PAID", "REFUND_ACCEPTED");
        assertThat(firstRefundStatus(orderId)).isEqualTo("ABNORMAL");
        // an ABNORMAL refund may still succeed (an operator re-routes it): its amount is not refundable again
        assertError(shop.post(path, refund("M-" + orderId, 1)), 422, "REFUND_AMOUNT_EXCEEDS_REMAINING", "0 fen");
        Broker.publish(events.refundNotified("N-" + orderId, 1000, RefundStatus.SUCCESS));
        await().atMost(Broker.WAIT).until(() -> refundedAmount(orderId) == 1000);
    }

    @Test
    void aLateSuccessForARejectedRefundIsAppliedAndRaisesAnAnomaly() {
        String orderId = paidOrder(shop, 1000);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        rejectedRefund(orderId, "L-" + orderId, 600);

        Broker.publish(events.refundNotified("L-" + orderId, 600, RefundStatus.SUCCESS));

        awaitStatus(shop, orderId, "REFUND");
        assertThat(refundedAmount(orderId)).isEqualTo(600);
        assertThat(OrderFlows.orderEvents(orderId, 1, OrderAnomalyDetected.class))
                .extracting(OrderAnomalyDetected::kind)
                .containsExactly(AnomalyKind.REFUND_AFTER_REJECTION);
    }

    @Test
    void refundOfAnUnpaidOrderIsRejected() {
        String orderId = OrderFlows.create(shop, 1000);

        assertError(
                shop.post("/v1/orders/" + orderId + "/refunds", refund("P-" + orderId, 1)),
                409,
                "ORDER_NOT_PAID",
                orderId);
        assertError(
                shop.post(
                        "/v1/orders/" + orderId + "/refunds",
                        "{\"out_refund_no\":\"bad no!\",\"amount\":{\"refund\":1}}"),
                400,
                "FIELD_INVALID",
                "out_refund_no");
    }

    /** The status of the order's first refund, as the shop API shows it. */
    private String firstRefundStatus(String orderId) {
        return shop.get("/v1/orders/" + orderId)
                .json()
                .path("refunds")
                .get(0)
                .path("status")
                .asString();
    }

    private void awaitFirstRefundStatus(String orderId, String status) {
        await().atMost(Broker.WAIT).until(() -> status.equals(firstRefundStatus(orderId)));
    }

    /** The order's refunded amount in fen, as the shop API shows it. */
    private long refundedAmount(String orderId) {
        return shop.get("/v1/orders/" + orderId).json().path("refunded_amount").asLong();
    }

    /** A later transition of the order (a second refund WeChat accepted): once on the topic, every earlier one is. */
    private void fenceByRefund(String orderId, String outRefundNo) {
        acceptedRefund(shop, orderId, outRefundNo, 1);
        await().atMost(Broker.WAIT)
                .until(() -> shop.get("/v1/orders/" + orderId).json().path("refunds").findValues("status").stream()
                                .filter(v -> v.asString().equals("PROCESSING"))
                                .count()
                        == 1);
    }

    /** The shop requests a refund (202), WeChat rejects it, and the order shows it REJECTED. */
    private void rejectedRefund(String orderId, String outRefundNo, long fen) {
        requestRefund(shop, orderId, outRefundNo, fen);
        Broker.publish(new OrderEventsFactory(orderId).refundRejected(outRefundNo));
        awaitFirstRefundStatus(orderId, "REJECTED");
    }
}
