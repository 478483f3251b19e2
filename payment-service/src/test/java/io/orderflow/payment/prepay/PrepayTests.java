package io.orderflow.payment.prepay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.core.util.PemUtil;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderflow.events.CloseReason;
import io.orderflow.events.CloseRequested;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.PaymentRequested;
import io.orderflow.events.PrepayFailed;
import io.orderflow.payment.SimulatedWechatPay;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.simulator.fault.FaultRule;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * OrderCreated → prepay at WeChat (the simulator) → PaymentRequested or PrepayFailed, through
 * duplicates, 5xx, 429, lost responses, an open circuit and "already paid".
 */
class PrepayTests extends SimulatedWechatPay {

    @Autowired
    RateLimiterRegistry limiters;

    @Autowired
    RetryRegistry retries;

    @Autowired
    WechatPayClients merchants;

    @Autowired
    io.orderflow.payment.work.WorkerProperties settings;

    @Test
    void prepaysAnOrderAndPublishesPayParamsSignedWithTheMerchantKey() throws Exception {
        String orderId = newOrderId();
        OrderCreated order = orderCreated(orderId, 8800);
        send(order);

        PaymentRequested requested = requestedWithLedgersPrepayId(orderId);
        assertThat(requested.payParams().packageValue()).isEqualTo("prepay_id=" + requested.prepayId());
        assertThat(requested.appid()).isEqualTo(TestMerchant.APPID);
        assertThat(requested.prepayExpiresAt())
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(110)),
                        Instant.now().plus(Duration.ofHours(2)));
        assertThat(paySignVerifies(requested)).isTrue();
        assertThat(ledgerOrder(orderId).request())
                .containsEntry("time_expire", Payment.RFC_3339_CHINA.format(order.expireAt()))
                .containsEntry(
                        "notify_url", "http://127.0.0.1:1/wechatpay/notify/" + TestMerchant.MCHID + "/transaction")
                .containsEntry("out_trade_no", orderId)
                .containsEntry("attach", "attach-" + orderId);
        assertThat((String) ledgerOrder(orderId).request().get("time_expire")).endsWith("+08:00");
    }

    @Test
    void aRedeliveredOrderCreatedAndTheSameOrderUnderANewIdPrepayOnce() {
        String orderId = newOrderId();
        OrderCreated order = orderCreated(orderId, 100);
        String first = send(order);
        send(order, first);
        String second = send(order);

        requestedWithLedgersPrepayId(orderId);
        await().atMost(WAIT).until(() -> processed(second));
        assertThat(outboxEvents(orderId)).isEqualTo(1);
        assertThat(attempts(orderId)).isZero();
    }

    @Test
    void systemErrorsAreRetriedWithTheSameParametersIntoOnePrepay() {
        prepaidOnceDespite("SYSTEM_ERROR", 2);
    }

    @Test
    void rateLimitedPrepayIsRetriedLaterWithBackoff() {
        String orderId = prepaidOnceDespite("FREQUENCY_LIMITED", 4);

        assertThat(attempts(orderId))
                .as("failed worker attempts before the success")
                .isEqualTo(1);
    }

    @Test
    void aLostResponseIsRetriedAndWechatAnswersTheSamePrepayId() {
        // the first prepay takes effect and its answer is lost
        prepaidOnceDespite("RESPONSE_LOST", 1);
    }

    /**
     * A new order prepaid while WeChat answers its first {@code times} prepays with {@code code}: one PaymentRequested
     * with the prepay_id in WeChat's ledger, every fault used up.
     *
     * @return the order's id
     */
    private String prepaidOnceDespite(String code, int times) {
        FaultRule rule = fault(code, JSAPI_PATH, times);
        String orderId = newOrderId();
        send(orderCreated(orderId, 100));

        requestedWithLedgersPrepayId(orderId);
        assertThat(remaining(rule)).as("%s faults left", code).isZero();
        assertThat(outboxEvents(orderId)).isEqualTo(1);
        return orderId;
    }

    @Test
    void circuitOpensUnderSustainedErrorsStopsCallingAndRecovers() {
        CircuitBreaker breaker = breakers.circuitBreaker("wechatpay-" + TestMerchant.MCHID);
        FaultRule errors = fault("SYSTEM_ERROR", JSAPI_PATH, 10_000);
        List<String> orders = IntStream.range(0, 4).mapToObj(i -> newOrderId()).toList();
        orders.forEach(orderId -> send(orderCreated(orderId, 100)));

        await().atMost(WAIT).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        // calls in flight when it opened still land; once every worker has been refused, none do
        await().atMost(WAIT).until(() -> breaker.getMetrics().getNumberOfNotPermittedCalls() >= 8);
        int callsWhileOpen = 10_000 - remaining(errors);
        long refused = breaker.getMetrics().getNumberOfNotPermittedCalls();
        await().atMost(WAIT).until(() -> breaker.getMetrics().getNumberOfNotPermittedCalls() >= refused + 4);
        assertThat(10_000 - remaining(errors))
                .as("calls reaching WeChat while open")
                .isEqualTo(callsWhileOpen);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(orders)
                .allSatisfy(orderId -> assertThat(outboxEvents(orderId)).isZero());

        clearFaultsNow();
        assertEachRequestedWithLedgersPrepayId(orders);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aPermanentErrorIsPublishedAsPrepayFailedWithWechatsCode() {
        String orderId = newOrderId();
        send(order(orderId)
                .withAppid("wx9999999999999999")
                .withFen(100)
                .withExpireAt(Instant.now().plus(Duration.ofHours(1)))
                .build());

        PrepayFailed failed = (PrepayFailed) paymentEvents(orderId, 1).get(0);
        assertThat(failed.errorCode()).isEqualTo("APPID_MCHID_NOT_MATCH");
        assertThat(failed.httpStatus()).isEqualTo(400);
        assertThat(failed.errorMessage()).isNotBlank();
        awaitPaymentStatus(orderId, "FAILED");
    }

    @Test
    void anOrderThatExpiredBeforeItCouldBePrepaidFailsAsPrepayUnavailable() {
        String orderId = newOrderId();
        send(order(orderId)
                .withFen(100)
                .withExpireAt(Instant.now().minusSeconds(1))
                .build());

        PrepayFailed failed = (PrepayFailed) paymentEvents(orderId, 1).get(0);
        assertThat(failed.errorCode()).isEqualTo(PrepayAttempts.PREPAY_UNAVAILABLE);
        assertThat(failed.httpStatus()).isNull();
        assertThat(simulator.ledger().order(TestMerchant.MCHID, orderId)).isEmpty();
    }

    @Test
    void refreshesPayParamsBeforeThePrepayIdExpiresWhileTheOrderIsPayable() throws Exception {
        String longLived = newOrderId();
        String shortLived = newOrderId();
        send(orderCreated(longLived, 100));
        send(order(shortLived)
                .withFen(100)
                .withExpireAt(Instant.now().plus(Duration.ofMinutes(30)))
                .build());
        PaymentRequested first = paymentRequested(longLived);
        paymentRequested(shortLived);

        assertThat(nextAttempt(longLived)).isEqualTo(prepayExpiresAt(longLived).minus(Duration.ofMinutes(10)));
        assertThat(nextAttempt(shortLived))
                .as("its prepay_id outlives the order")
                .isNull();

        dueNow(longLived);
        List<OrderflowEvent> events = paymentEvents(longLived, 2);
        PaymentRequested refreshed = (PaymentRequested) events.get(1);
        assertThat(refreshed.prepayId()).isEqualTo(ledgerOrder(longLived).prepayId());
        assertThat(refreshed.requestedAt()).isAfter(first.requestedAt());
        assertThat(paySignVerifies(refreshed)).isTrue();
    }

    @Test
    void anOrderAlreadyPaidAtWechatIsQueriedAndTheTruthPublishedNeverFailed() throws Exception {
        String orderId = newOrderId();
        send(orderCreated(orderId, 100));
        paymentRequested(orderId);
        pay(orderId);

        dueNow(orderId); // its pay params are due for a refresh, but the payer has paid meanwhile
        awaitPaymentStatus(orderId, "PAID_AT_WECHAT");
        assertThat(payment("transaction_id", orderId, String.class))
                .isEqualTo(ledgerOrder(orderId).transactionId());
        try (TopicProbe events = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.PAYMENT_EVENTS_TOPIC)) {
            TopicProbe.Received truth = events.awaitKey(orderId, 2, WAIT).get(1);
            assertThat(truth.header("ce_type")).isEqualTo("orderflow.payment.PaymentNotified.v1");
            assertThat(new String(truth.value()))
                    .contains(
                            "\"source\":\"PREPAY\"",
                            "\"trade_state\":\"SUCCESS\"",
                            "\"transaction_id\":\"" + ledgerOrder(orderId).transactionId() + "\"");
        }
        assertThat(outboxEvents(orderId))
                .as("PaymentRequested, then PaymentNotified: no PrepayFailed")
                .isEqualTo(2);
    }

    @Test
    void aPaidOrderWhoseQueryAnswerLacksAFieldFailsAloneAndIsRetriedWithBackoffAndCounted() throws Exception {
        double failedBefore = workFailures("prepay", "NullPointerException");
        String poisoned = newOrderId();
        send(orderCreated(poisoned, 100));
        paymentRequested(poisoned);
        pay(poisoned);
        missingField("/v3/pay/transactions/out-trade-no/" + poisoned, "appid");
        dueNow(poisoned); // the refresh meets ORDERPAID, and the query's answer has no appid
        List<String> others = IntStream.range(0, 4).mapToObj(i -> newOrderId()).toList();
        others.forEach(orderId -> send(orderCreated(orderId, 300)));

        firstPaymentEvents(others).forEach((orderId, event) -> assertThat(event).isInstanceOf(PaymentRequested.class));
        await().atMost(WAIT).until(() -> attempts(poisoned) >= 3);
        var row = jdbc.sql("select status, attempts, last_error, updated_at, next_attempt_at from payment "
                        + "where order_id = ?")
                .param(poisoned)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("PREPAID");
        assertThat((String) row.get("last_error")).startsWith("FAILED:NullPointerException");
        assertThat(Duration.between(
                        ((java.sql.Timestamp) row.get("updated_at")).toInstant(),
                        ((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()))
                .as("backoff after %s failed attempts", row.get("attempts"))
                .isBetween(
                        settings.backoff((Integer) row.get("attempts")).minusMillis(100),
                        settings.backoff((Integer) row.get("attempts")).plusMillis(100));
        assertThat(workFailures("prepay", "NullPointerException")).isGreaterThanOrEqualTo(failedBefore + 3);

        clearFaultsNow();
        awaitPaymentStatus(poisoned, "PAID_AT_WECHAT");
    }

    @Test
    void aPrepayAnswerWithoutPrepayIdIsRetriedWithBackoffAndNeverPublishedAsPayParams() {
        double failedBefore = workFailures("prepay", "IllegalStateException");
        missingField(JSAPI_PATH, "prepay_id");
        String orderId = newOrderId();
        send(orderCreated(orderId, 100));

        // the row appears once OrderCreated is consumed
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select attempts from payment where order_id = ?")
                                .param(orderId)
                                .query(Integer.class)
                                .optional()
                                .orElse(0)
                        >= 2);
        assertThat(outboxEvents(orderId))
                .as("no pay params built from an answer without prepay_id")
                .isZero();
        assertThat(payment("last_error", orderId, String.class))
                .startsWith("FAILED:IllegalStateException")
                .contains("carried no prepay_id");
        assertThat(workFailures("prepay", "IllegalStateException")).isGreaterThanOrEqualTo(failedBefore + 2);

        clearFaultsNow();
        assertThat(requestedWithLedgersPrepayId(orderId).prepayId()).isNotEqualTo("null");
    }

    @Test
    void anOrderOfAnUnconfiguredMerchantIsDeadLettered() {
        String orderId = newOrderId();
        String ceId = send(order(orderId)
                .withMchid("1999999999")
                .withFen(100)
                .withExpireAt(Instant.now().plusSeconds(600))
                .build());

        try (TopicProbe deadLetters =
                new TopicProbe(TestKafka.bootstrapServers(), "orderflow.order.events.payment-service.dlt")) {
            assertThat(deadLetters.awaitKey(orderId, 1, WAIT).get(0).header("ce_id"))
                    .isEqualTo(ceId);
        }
        assertThat(processed(ceId)).isFalse();
        assertThat(payment("count(*)", orderId, Long.class)).isZero();
    }

    @Test
    void aPrepayWhoseCommitWasLostIsRepeatedIdenticallyAndGetsTheSamePrepayId() {
        String orderId = newOrderId();
        OrderCreated order = orderCreated(orderId, 100);
        // an earlier attempt reached WeChat, then the process died before its transaction committed
        String earlier = merchants
                .merchant(TestMerchant.MCHID)
                .jsapi()
                .prepayWithRequestPayment(Payment.requested(
                                order, merchants.merchant(TestMerchant.MCHID).transactionNotifyUrl(), null)
                        .prepayRequest())
                .getPackageVal();
        send(order);

        assertThat("prepay_id=" + paymentRequested(orderId).prepayId()).isEqualTo(earlier);
        assertThat(outboxEvents(orderId)).isEqualTo(1);
    }

    @Test
    void aBurstOfOrdersIsPrepaidOncePerOrderByConcurrentWorkers() {
        List<String> orders = IntStream.range(0, 20).mapToObj(i -> newOrderId()).toList();
        orders.forEach(orderId -> send(orderCreated(orderId, 100 + orders.indexOf(orderId))));

        assertEachRequestedWithLedgersPrepayId(orders);
        assertThat(orders)
                .allSatisfy(orderId -> assertThat(outboxEvents(orderId)).isEqualTo(1));
    }

    @Test
    void ignoresOrderEventsItDoesNotHandle() {
        String orderId = newOrderId();
        String close = send(new CloseRequested(orderId, TestMerchant.MCHID, CloseReason.SHOP_REQUEST, Instant.now()));
        send(orderCreated(orderId, 100));

        assertThat(paymentRequested(orderId).orderId()).isEqualTo(orderId);
        assertThat(processed(close)).isTrue();
    }

    @Test
    void guardsWechatCallsPerMerchantWithTheTemplatesFromYaml() {
        String orderId = newOrderId();
        send(orderCreated(orderId, 100));
        paymentRequested(orderId);

        assertThat(limiters.rateLimiter("prepay-" + TestMerchant.MCHID)
                        .getRateLimiterConfig()
                        .getLimitForPeriod())
                .as("below WeChat's 500 TPS")
                .isEqualTo(400);
        assertThat(retries.retry("wechatpay-" + TestMerchant.MCHID)
                        .getRetryConfig()
                        .getMaxAttempts())
                .isEqualTo(3);
        assertThat(breakers.circuitBreaker("wechatpay-" + TestMerchant.MCHID)
                        .getCircuitBreakerConfig()
                        .getMinimumNumberOfCalls())
                .isEqualTo(5);
    }

    private PaymentRequested paymentRequested(String orderId) {
        OrderflowEvent event = paymentEvents(orderId, 1).get(0);
        assertThat(event).isInstanceOf(PaymentRequested.class);
        return (PaymentRequested) event;
    }

    /** The order's PaymentRequested, asserting its prepay_id is the one WeChat's ledger holds. */
    private PaymentRequested requestedWithLedgersPrepayId(String orderId) {
        PaymentRequested requested = paymentRequested(orderId);
        assertThat(requested.prepayId()).isEqualTo(ledgerOrder(orderId).prepayId());
        return requested;
    }

    /** Each order's first payment event is a PaymentRequested with the prepay_id WeChat's ledger holds. */
    private void assertEachRequestedWithLedgersPrepayId(List<String> orders) {
        firstPaymentEvents(orders)
                .forEach((orderId, event) -> assertThat(((PaymentRequested) event).prepayId())
                        .isEqualTo(ledgerOrder(orderId).prepayId()));
    }

    private static boolean paySignVerifies(PaymentRequested requested) throws Exception {
        var params = requested.payParams();
        String message = params.appId() + "\n" + params.timeStamp() + "\n" + params.nonceStr() + "\n"
                + params.packageValue() + "\n";
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(
                PemUtil.loadPublicKeyFromPath(TestMerchant.merchantPublicKey().toString()));
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return params.signType().equals("RSA")
                && verifier.verify(Base64.getDecoder().decode(params.paySign()));
    }

    private Instant nextAttempt(String orderId) {
        return jdbc.sql("select next_attempt_at from payment where order_id = ?")
                .param(orderId)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant)
                .orElse(null);
    }

    private Instant prepayExpiresAt(String orderId) {
        return payment("prepay_expires_at", orderId, java.sql.Timestamp.class).toInstant();
    }

    private int attempts(String orderId) {
        return payment("attempts", orderId, Integer.class);
    }

    /** One column of the order's payment row. */
    private <T> T payment(String column, String orderId, Class<T> type) {
        return jdbc.sql("select " + column + " from payment where order_id = ?")
                .param(orderId)
                .query(type)
                .single();
    }

    /** As if the refresh time had come (the prepay_id is 110 minutes old). */
    private void dueNow(String orderId) {
        jdbc.sql("update payment set next_attempt_at = now() where order_id = ?")
                .param(orderId)
                .update();
    }
}
