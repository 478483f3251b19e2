package io.orderflow.order.order;

import static io.orderflow.order.order.OrderFlows.awaitStatus;
import static io.orderflow.order.order.OrderFlows.create;
import static io.orderflow.order.order.OrderFlows.reasons;
import static io.orderflow.order.order.OrderFlows.statusEvents;
import static io.orderflow.order.order.OrderFlows.versions;
import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.AnomalyKind;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.RefundRequested;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.events.TradeState;
import io.orderflow.order.order.domain.SystemRefundNumbers;
import io.orderflow.order.order.metrics.AnomalyMetrics;
import io.orderflow.order.order.usecase.FollowUps;
import io.orderflow.order.support.Counters;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderEventsFactory;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Shops;
import io.orderflow.testkit.Broker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Payments that do not match their order, and payments after close: stored, counted, emitted. */
@OrderServiceTest
class AnomalyTests extends OneShopTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void amountMismatchIsAnAnomalyAndNeverSuccess() {
        String orderId = create(shop, 1000);
        double before = count(AnomalyKind.AMOUNT_MISMATCH);
        String ceId = Broker.publish(new OrderEventsFactory(orderId).paid(1));

        List<OrderAnomalyDetected> anomalies = OrderFlows.orderEvents(orderId, 1, OrderAnomalyDetected.class);
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
        Broker.publish(new OrderEventsFactory(orderId)
                .payment(TradeState.SUCCESS, 1000, "1900000999", NotificationSource.CALLBACK));

        assertThat(OrderFlows.orderEvents(orderId, 1, OrderAnomalyDetected.class))
                .extracting(OrderAnomalyDetected::kind)
                .containsExactly(AnomalyKind.MERCHANT_MISMATCH);
        assertThat(shop.get("/v1/orders/" + orderId).text("status")).isEqualTo("PENDING");
    }

    @Test
    void paidAfterCloseSucceedsIsFlaggedAndRefundedInFullAsAFollowUp() {
        String orderId = OrderFlows.expiredOrder(shop, 2500);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        Broker.publish(events.paid(2500));

        List<RefundRequested> refunds = OrderFlows.orderEvents(orderId, 1, RefundRequested.class);
        assertThat(refunds).singleElement().satisfies(refund -> {
            assertThat(refund.outRefundNo())
                    .isEqualTo(SystemRefundNumbers.paidAfterClose(orderId))
                    .startsWith("@");
            assertThat(refund.refund().fen()).isEqualTo(2500);
        });
        Broker.publish(events.refundSubmitted(SystemRefundNumbers.paidAfterClose(orderId), 2500));
        awaitStatus(shop, orderId, "REFUND");
        List<OrderStatusChanged> status = statusEvents(orderId, 4);
        assertThat(reasons(status))
                .containsExactly("CREATED", "TIMEOUT_EXPIRED", "PAID_AFTER_CLOSE", "REFUND_ACCEPTED");
        assertThat(versions(status)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(status.get(2).from()).isEqualTo(OrderStatus.CLOSED);
        assertThat(status.get(2).to()).isEqualTo(OrderStatus.SUCCESS);
        assertThat(stored(orderId)).containsExactly("PAID_AFTER_CLOSE");
    }

    @Test
    void aShopCannotTakeTheAutomaticRefundsNumberSoAPaymentAfterFailureIsRefunded() {
        String failed = create(shop, 50);
        OrderEventsFactory events = new OrderEventsFactory(failed);
        Broker.publish(events.prepayFailed());
        awaitStatus(shop, failed, "FAILED");
        String other = OrderFlows.paidOrder(shop, 1000);

        // the shop tries to squat the number the automatic refund of the failed order will use
        assertError(
                shop.post(
                        "/v1/orders/" + other + "/refunds",
                        OrderFlows.refund(SystemRefundNumbers.paidAfterClose(failed), 50)),
                400,
                "FIELD_INVALID",
                "out_refund_no");
        assertError(
                shop.post("/v1/orders/" + other + "/refunds", OrderFlows.refund("@mine", 50)),
                400,
                "FIELD_INVALID",
                "out_refund_no");

        Broker.publish(events.paid(50));
        assertThat(OrderFlows.orderEvents(failed, 1, RefundRequested.class))
                .extracting(RefundRequested::outRefundNo)
                .containsExactly(SystemRefundNumbers.paidAfterClose(failed));
        assertThat(shop.get("/v1/orders/" + failed).text("status")).isEqualTo("SUCCESS");
        assertThat(stored(failed)).containsExactly("PAID_AFTER_CLOSE");
    }

    @Test
    void aFailingAutomaticRefundNeverHoldsUpThePaymentAndIsRetriedAndAlertedOnItsOwn() {
        String orderId = OrderFlows.expiredOrder(shop, 700);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        // the number is taken already (data from before the namespace was reserved): the refund cannot be requested
        String squatter = OrderFlows.paidOrder(shop, 1000);
        String number = SystemRefundNumbers.paidAfterClose(orderId);
        jdbc.sql("insert into refund (mchid, out_refund_no, order_id, amount_fen, currency, status, requested_at) "
                        + "values (?, ?, ?, 1, 'CNY', 'REQUESTED', now())")
                .params(Shops.MCHID, number, squatter)
                .update();
        double failuresBefore = followUpFailures();

        String paid = Broker.publish(events.paid(700));

        // the payment is recorded, announced and alerted at once, whatever becomes of the refund
        awaitStatus(shop, orderId, "SUCCESS");
        assertThat(reasons(statusEvents(orderId, 3))).containsExactly("CREATED", "TIMEOUT_EXPIRED", "PAID_AFTER_CLOSE");
        assertThat(jdbc.sql("select count(*) from processed_message where ce_id = ?")
                        .param(paid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        List<RiskAlertRaised> alerts = OrderFlows.orderEvents(orderId, 2, RiskAlertRaised.class);
        assertThat(alerts)
                .extracting(RiskAlertRaised::kind)
                .containsExactlyInAnyOrder(RiskAlertKind.PAID_AFTER_CLOSE, RiskAlertKind.AUTOMATIC_REFUND_FAILED);
        assertThat(alerts)
                .filteredOn(a -> a.kind() == RiskAlertKind.AUTOMATIC_REFUND_FAILED)
                .singleElement()
                .satisfies(alert -> assertThat(alert.detail()).contains(number).contains(squatter));
        await().atMost(Broker.WAIT).until(() -> followUpFailures() >= failuresBefore + 3);

        // once the number is free again the retried follow-up goes through, and only once
        jdbc.sql("delete from refund where out_refund_no = ?").param(number).update();
        assertThat(OrderFlows.orderEvents(orderId, 1, RefundRequested.class))
                .extracting(RefundRequested::outRefundNo, r -> r.refund().fen())
                .containsExactly(tuple(number, 700L));
        await().atMost(Broker.WAIT)
                .until(() -> jdbc.sql("select count(*) from follow_up where order_id = ?")
                                .param(orderId)
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(shop.get("/v1/orders/" + orderId).json().path("refunds").size())
                .isEqualTo(1);
    }

    @Test
    void anOrderWechatReportsRefundedIsTreatedAsPaidFirstWithAnAnomaly() {
        String orderId = create(shop, 900);
        Broker.publish(
                new OrderEventsFactory(orderId).payment(TradeState.REFUND, 900, Shops.MCHID, NotificationSource.QUERY));

        awaitStatus(shop, orderId, "SUCCESS");
        assertThat(OrderFlows.orderEvents(orderId, 1, OrderAnomalyDetected.class))
                .extracting(OrderAnomalyDetected::kind)
                .containsExactly(AnomalyKind.REFUND_REPORTED_UNPAID);
        assertThat(shop.get("/v1/orders/" + orderId).text("transaction_id")).isNotBlank();
        assertThat(reasons(statusEvents(orderId, 2))).containsExactly("CREATED", "PAID_REPORTED_REFUNDED");
    }

    private List<String> stored(String orderId) {
        return jdbc.sql("select kind from order_anomaly where order_id = ? order by id")
                .param(orderId)
                .query(String.class)
                .list();
    }

    private double followUpFailures() {
        return Counters.count(meters, FollowUps.FAILURES, "kind", "AUTOMATIC_REFUND");
    }

    private double count(AnomalyKind kind) {
        return Counters.count(meters, AnomalyMetrics.METRIC, "kind", kind.name());
    }
}
