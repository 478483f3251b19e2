package io.orderflow.reconcile.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderflow.events.CloseReason;
import io.orderflow.events.CloseRequested;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.TimeoutExpired;
import io.orderflow.events.TradeState;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.reconcile.SimulatedWechatPay;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.testkit.OrderStatusChangedBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** OrderCreated arms a timer; when it fires, the close protocol runs at the simulator and reports the truth. */
class ExpiryTests extends SimulatedWechatPay {

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    WorkerSettings settings;

    @Autowired
    ExpiryTimers expiryTimers;

    @Autowired
    RateLimiterRegistry limiters;

    @Autowired
    RetryRegistry retries;

    @Test
    void anExpiredOrderIsClosedAtWechatThenReportedTimeoutExpired() {
        OrderCreated order = prepaid(100, Instant.now().plusSeconds(2));
        send(order);

        TimeoutExpired expired =
                (TimeoutExpired) reconcileEvents(order.orderId(), 1).get(0);
        assertThat(ledgerState(order.orderId())).isEqualTo("CLOSED");
        assertThat(expired.reason()).isEqualTo(CloseReason.EXPIRED);
        assertThat(expired.mchid()).isEqualTo(TestMerchant.MCHID);
        assertThat(expired.expireAt()).isEqualTo(order.expireAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(expired.closedAt()).isAfterOrEqualTo(order.expireAt());
        assertThat(timer(order.orderId())).isEqualTo("DONE:CLOSED");
        assertThat(meters.counter("orderflow.reconcile.timer.fired", "outcome", "CLOSED")
                        .count())
                .isPositive();
        assertThat(meters.get("orderflow.reconcile.timers.overdue").gauge().value())
                .isNotNegative();
    }

    @Test
    void aShopCloseFiresTheTimerAtOnce() {
        OrderCreated order = prepaid(100, Instant.now().plus(Duration.ofHours(1)));
        send(order);
        send(new CloseRequested(order.orderId(), order.mchid(), CloseReason.SHOP_REQUEST, Instant.now()));

        TimeoutExpired expired =
                (TimeoutExpired) reconcileEvents(order.orderId(), 1).get(0);
        assertThat(expired.reason()).isEqualTo(CloseReason.SHOP_REQUEST);
        assertThat(expired.closedAt()).isBefore(order.expireAt());
        assertThat(ledgerState(order.orderId())).isEqualTo("CLOSED");
    }

    @Test
    void anOrderPaidBeforeItsTimerIsReportedPaidAndNotClosed() throws Exception {
        OrderCreated order = prepaid(2500, Instant.now().plusSeconds(1));
        pay(order.orderId());
        send(order);

        PaymentNotified paid =
                (PaymentNotified) reconcileEvents(order.orderId(), 1).get(0);
        assertThat(paid.source()).isEqualTo(NotificationSource.QUERY);
        assertThat(paid.tradeState()).isEqualTo(TradeState.SUCCESS);
        assertThat(paid.amount()).isEqualTo(Money.cny(2500));
        assertThat(ledgerState(order.orderId())).isEqualTo("SUCCESS");
        assertThat(outboxEvents(order.orderId())).isEqualTo(1);
    }

    @Test
    void aCloseAnsweredWith500IsRetriedWithBackoffAndReportedOnlyOnceWechatConfirms() {
        OrderCreated order = prepaid(100, Instant.now().plus(Duration.ofHours(1)));
        FaultRule errors = fault("SYSTEM_ERROR", "/v3/pay/transactions/out-trade-no/" + order.orderId() + "/close", 7);
        send(order);
        send(new CloseRequested(order.orderId(), order.mchid(), CloseReason.SHOP_REQUEST, Instant.now()));

        await().atMost(WAIT).until(() -> remaining(errors) < 7);
        assertThat(outboxEvents(order.orderId()))
                .as("nothing before WeChat confirms the close")
                .isZero();
        await().atMost(WAIT)
                .until(() -> expiryTimers.overdue(Duration.ZERO, 500).stream()
                        .anyMatch(t -> t.orderId().equals(order.orderId()) && "UNAVAILABLE".equals(t.lastOutcome())));
        List<OrderflowEvent> events = reconcileEvents(order.orderId(), 1);
        assertThat(remaining(errors)).isZero();
        assertThat(events.get(0)).isInstanceOf(TimeoutExpired.class);
        assertThat(ledgerState(order.orderId())).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select attempts from expiry_timer where order_id = ?")
                        .param(order.orderId())
                        .query(Integer.class)
                        .single())
                .as("worker attempts that found WeChat down")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTerminalStatusCancelsTheTimer() {
        OrderCreated order = prepaid(100, Instant.now().plusSeconds(3));
        send(order);
        await().atMost(WAIT).until(() -> "ARMED:null".equals(timer(order.orderId())));
        send(OrderStatusChangedBuilder.changed(order, OrderStatus.FAILED)
                .withReason("PREPAY_FAILED")
                .build());

        await().atMost(WAIT).until(() -> "CANCELLED:TERMINAL_STATUS".equals(timer(order.orderId())));
        await().during(Duration.ofSeconds(4)).atMost(WAIT).until(() -> outboxEvents(order.orderId()) == 0);
        assertThat(ledgerState(order.orderId())).isEqualTo("NOTPAY");
    }

    @Test
    void aBurstOfDueTimersFiresEachOnceAcrossConcurrentWorkers() {
        List<OrderCreated> orders = IntStream.range(0, 12)
                .mapToObj(i -> prepaid(100 + i, Instant.now().plusSeconds(1)))
                .toList();
        sendAll(orders);

        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> "DONE:CLOSED".equals(timer(o.orderId()))));
        assertThat(orders).allSatisfy(o -> {
            assertThat(outboxEvents(o.orderId())).isEqualTo(1);
            assertThat(ledgerState(o.orderId())).isEqualTo("CLOSED");
        });
    }

    @Test
    void aTimerWhoseAnswerLacksAFieldFailsAloneAndIsRetriedWithBackoffAndCounted() throws Exception {
        double failedBefore = workFailures("expiry", "NullPointerException");
        OrderCreated poisoned = prepaid(100, Instant.now().plusSeconds(1));
        pay(poisoned.orderId());
        missingField("/v3/pay/transactions/out-trade-no/" + poisoned.orderId(), "appid");
        List<OrderCreated> others = IntStream.range(0, 5)
                .mapToObj(i -> prepaid(100, Instant.now().plusSeconds(1)))
                .toList();
        List<OrderCreated> batch = new java.util.ArrayList<>(others);
        batch.add(2, poisoned);
        sendAll(batch);

        // closed by this run, or found closed when a batch that met the poisoned timer first ran again row by row
        // (no timer row yet reads as null: the consumer waits up to 200 ms for a batch)
        await().atMost(WAIT)
                .until(() -> others.stream()
                        .allMatch(o -> java.util.Arrays.asList("DONE:CLOSED", "DONE:FOUND_CLOSED")
                                .contains(timer(o.orderId()))));
        assertThat(others)
                .allSatisfy(o -> assertThat(outboxEvents(o.orderId()))
                        .as("one TimeoutExpired")
                        .isEqualTo(1));
        await().atMost(WAIT).until(() -> attempts(poisoned.orderId()) >= 3);
        assertThat(timer(poisoned.orderId())).isEqualTo("ARMED:FAILED:NullPointerException");
        Map<String, Object> row = jdbc.sql("select attempts, updated_at, due_at from expiry_timer where order_id = ?")
                .param(poisoned.orderId())
                .query()
                .singleRow();
        Duration waited = Duration.between(
                ((java.sql.Timestamp) row.get("updated_at")).toInstant(),
                ((java.sql.Timestamp) row.get("due_at")).toInstant());
        assertThat(waited)
                .as("backoff after %s failed attempts", row.get("attempts"))
                .isBetween(
                        settings.backoff((Integer) row.get("attempts")).minusMillis(150),
                        settings.backoff((Integer) row.get("attempts")).plusMillis(150));
        assertThat(workFailures("expiry", "NullPointerException")).isGreaterThanOrEqualTo(failedBefore + 3);
        assertThat(outboxEvents(poisoned.orderId())).isZero();

        clearFaultsNow();
        PaymentNotified paid =
                (PaymentNotified) reconcileEvents(poisoned.orderId(), 1).get(0);
        assertThat(paid.source()).isEqualTo(NotificationSource.QUERY);
        assertThat(timer(poisoned.orderId())).isEqualTo("DONE:PAID");
    }

    @Test
    void guardsWechatCallsPerMerchantWithTheTemplatesFromYaml() {
        String name = WechatPayGateway.CONFIG + "-" + TestMerchant.MCHID;
        assertThat(bulkheads
                        .bulkhead(name, WechatPayGateway.CONFIG)
                        .getBulkheadConfig()
                        .getMaxConcurrentCalls())
                .isEqualTo(4);
        assertThat(limiters.rateLimiter(name, WechatPayGateway.CONFIG)
                        .getRateLimiterConfig()
                        .getLimitForPeriod())
                .isEqualTo(50);
        assertThat(retries.retry(name, WechatPayGateway.CONFIG).getRetryConfig().getMaxAttempts())
                .isEqualTo(3);
    }

    private int attempts(String orderId) {
        return jdbc.sql("select attempts from expiry_timer where order_id = ?")
                .param(orderId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private String timer(String orderId) {
        return jdbc.sql("select state || ':' || coalesce(outcome, 'null') from expiry_timer where order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
