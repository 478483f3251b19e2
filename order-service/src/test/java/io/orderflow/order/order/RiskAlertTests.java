package io.orderflow.order.order;

import static io.orderflow.order.order.OrderFlows.awaitStatus;
import static io.orderflow.order.order.OrderFlows.create;
import static io.orderflow.order.order.OrderFlows.paidOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.EventTypes;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.events.TradeState;
import io.orderflow.order.support.Counters;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderEventsFactory;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Shops;
import io.orderflow.order.support.TestClock;
import io.orderflow.testkit.Broker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Money-at-risk incidents raise RiskAlertRaised exactly once: a mismatching payment reported twice, a
 * payment after close, and a shop's refunds crossing the share of its day's paid volume (50 %, at least
 * 1000 fen in tests), counted per day in China time.
 */
@OrderServiceTest
class RiskAlertTests extends OneShopTestBase {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Test
    void anAmountMismatchReportedTwiceRaisesOneAlert() {
        String orderId = create(shop, 1000);
        double before = alerts(RiskAlertKind.AMOUNT_MISMATCH);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        String ceId = Broker.publish(events.paid(1));
        await().atMost(Broker.WAIT).until(() -> anomalies(orderId) == 1);
        Broker.publish(events.payment(TradeState.SUCCESS, 1, Shops.MCHID, NotificationSource.QUERY));

        await().atMost(Broker.WAIT).until(() -> anomalies(orderId) == 2);
        assertThat(storedAlerts(orderId)).isEqualTo(1);
        RiskAlertRaised alert =
                OrderFlows.orderEvents(orderId, 1, RiskAlertRaised.class).get(0);
        assertThat(alert.kind()).isEqualTo(RiskAlertKind.AMOUNT_MISMATCH);
        assertThat(alert.alertId()).isEqualTo("AMOUNT_MISMATCH:" + orderId);
        assertThat(alert.shopId()).isEqualTo(shop.signer().shopId());
        assertThat(alert.mchid()).isEqualTo(Shops.MCHID);
        assertThat(alert.amountFen()).isEqualTo(1);
        assertThat(alert.referenceFen()).isEqualTo(1000);
        assertThat(alert.causationId()).isEqualTo(ceId);
        await().until(() -> alerts(RiskAlertKind.AMOUNT_MISMATCH) == before + 1);
    }

    @Test
    void aMerchantMismatchRaisesOneAlert() {
        String orderId = create(shop, 1000);
        Broker.publish(new OrderEventsFactory(orderId)
                .payment(TradeState.SUCCESS, 1000, "1900000999", NotificationSource.CALLBACK));

        await().atMost(Broker.WAIT).until(() -> anomalies(orderId) == 1);
        assertThat(storedAlerts(orderId)).isEqualTo(1);
        assertThat(OrderFlows.orderEvents(orderId, 1, RiskAlertRaised.class))
                .extracting(RiskAlertRaised::kind)
                .containsExactly(RiskAlertKind.MERCHANT_MISMATCH);
    }

    @Test
    void aPaymentAfterCloseRaisesOneAlert() {
        String orderId = OrderFlows.expiredOrder(shop, 2500);
        OrderEventsFactory events = new OrderEventsFactory(orderId);
        double before = alerts(RiskAlertKind.PAID_AFTER_CLOSE);
        Broker.publish(events.paid(2500));

        awaitStatus(shop, orderId, "SUCCESS");
        await().atMost(Broker.WAIT).until(() -> storedAlerts(orderId) == 1);
        assertThat(OrderFlows.orderEvents(orderId, 1, RiskAlertRaised.class))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.kind()).isEqualTo(RiskAlertKind.PAID_AFTER_CLOSE);
                    assertThat(alert.amountFen()).isEqualTo(2500);
                });
        await().until(() -> alerts(RiskAlertKind.PAID_AFTER_CLOSE) == before + 1);
    }

    @Test
    void refundsAboveHalfTheDaysPaidVolumeRaiseOneAlertPerShopAndDay() {
        String orderId = paidOrder(shop, 10_000);
        double before = alerts(RiskAlertKind.REFUND_SHARE_EXCEEDED);

        OrderFlows.requestRefund(shop, orderId, "R1-" + orderId, 4_999);
        assertThat(shopAlerts()).as("just under half").isEmpty();
        OrderFlows.requestRefund(shop, orderId, "R2-" + orderId, 1);
        assertThat(shopAlerts()).as("exactly half").isEmpty();
        OrderFlows.requestRefund(shop, orderId, "R3-" + orderId, 1);
        assertThat(shopAlerts()).as("one fen above half").hasSize(1);
        OrderFlows.requestRefund(shop, orderId, "R4-" + orderId, 100);
        assertThat(shopAlerts()).as("the same incident").hasSize(1);

        RiskAlertRaised alert =
                OrderFlows.orderEvents(orderId, 1, RiskAlertRaised.class).get(0);
        assertThat(alert.kind()).isEqualTo(RiskAlertKind.REFUND_SHARE_EXCEEDED);
        assertThat(alert.shopId()).isEqualTo(shop.signer().shopId());
        assertThat(alert.count()).isEqualTo(3);
        assertThat(alert.amountFen()).isEqualTo(5_001);
        assertThat(alert.referenceFen()).isEqualTo(10_000);
        assertThat(alert.limitFen()).isEqualTo(5_000);
        assertThat(alert.windowEnd()).isEqualTo(alert.windowStart().plusSeconds(86_400));
        await().until(() -> alerts(RiskAlertKind.REFUND_SHARE_EXCEEDED) == before + 1);
    }

    @Test
    void refundsAreMeasuredAgainstTheirOwnChinaDay() {
        String orderId = paidOrder(shop, 10_000);
        LocalDate today = LocalDate.now(CHINA);
        Instant midnight = today.plusDays(1).atStartOfDay(CHINA).toInstant();
        clock.set(midnight.minusMillis(1));
        try {
            signedRefund(orderId, "RD1-" + orderId, 4_000);
            assertThat(shopAlerts()).as("40 %% of the day's volume").isEmpty();
            clock.advance(Duration.ofMillis(1));
            signedRefund(orderId, "RD2-" + orderId, 1_500);
        } finally {
            clock.release();
        }
        assertThat(shopAlerts())
                .as("the next day has refunds and no paid volume; the day before stays below half")
                .containsExactly("REFUND_SHARE_EXCEEDED:" + shop.signer().shopId() + ":" + today.plusDays(1));
        RiskAlertRaised alert =
                OrderFlows.orderEvents(orderId, 1, RiskAlertRaised.class).get(0);
        assertThat(alert.count()).isEqualTo(1);
        assertThat(alert.amountFen()).isEqualTo(1_500);
        assertThat(alert.referenceFen()).isZero();
        assertThat(alert.windowStart()).isEqualTo(midnight);
    }

    /** A refund signed with the service's (moved) clock, so the timestamp stays inside the 5-minute window. */
    private void signedRefund(String orderId, String outRefundNo, long fen) {
        String path = "/v1/orders/" + orderId + "/refunds";
        String body = OrderFlows.refund(outRefundNo, fen);
        String authorization = shop.signer()
                .authorization(
                        "POST",
                        path,
                        String.valueOf(clock.instant().getEpochSecond()),
                        UUID.randomUUID().toString().replace("-", ""),
                        body);
        assertThat(shop.raw("POST", path, body, authorization).status()).isEqualTo(202);
    }

    private List<String> shopAlerts() {
        return jdbc.sql("select alert_id from risk_alert where shop_id = ?")
                .param(shop.signer().shopId())
                .query(String.class)
                .list();
    }

    private long anomalies(String orderId) {
        return jdbc.sql("select count(*) from order_anomaly where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private long storedAlerts(String orderId) {
        return jdbc.sql("select count(*) from outbox_event where ce_subject = ? and ce_type = ?")
                .params(orderId, EventTypes.ORDER_RISK_ALERT_RAISED.ceType())
                .query(Long.class)
                .single();
    }

    private double alerts(RiskAlertKind kind) {
        return Counters.count(meters, "orderflow.risk.alerts", "kind", kind.name());
    }
}
