package io.orderflow.reconcile.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.PaymentRequested;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundStatus;
import io.orderflow.events.RefundSubmitted;
import io.orderflow.events.TradeState;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.reconcile.SimulatedWechatPay;
import io.orderflow.simulator.ledger.Refunds;
import io.orderflow.testkit.OrderStatusChangedBuilder;
import io.orderflow.testkit.PaymentRequestedBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Pay params and PROCESSING refunds are queried on a schedule; what WeChat reports final is published. */
class ActiveQueryTests extends SimulatedWechatPay {

    @Autowired
    ActiveQueries activeQueries;

    @Autowired
    Queries queries;

    @Autowired
    WebApplicationContext context;

    @Test
    void aPaymentWhoseCallbackWasDroppedIsFoundByQuery() throws Exception {
        fault("DROP_CALLBACK", null, 1);
        double repairedBefore = repaired();
        OrderCreated order = prepaid(1234, Instant.now().plus(Duration.ofHours(1)));
        send(paymentRequested(order));
        pay(order.orderId());

        PaymentNotified paid =
                (PaymentNotified) reconcileEvents(order.orderId(), 1).get(0);
        assertThat(paid.source()).isEqualTo(NotificationSource.QUERY);
        assertThat(paid.tradeState()).isEqualTo(TradeState.SUCCESS);
        assertThat(paid.amount()).isEqualTo(Money.cny(1234));
        assertThat(query(order.orderId())).isEqualTo("DONE:PAID");
        assertThat(repaired()).isGreaterThan(repairedBefore);
    }

    @Test
    void aQueryWhoseAnswerLacksAFieldFailsAloneAndIsRetriedOnItsScheduleAndCounted() throws Exception {
        double failedBefore = workFailures("query", "NullPointerException");
        OrderCreated poisoned = prepaid(700, Instant.now().plus(Duration.ofHours(1)));
        missingField("/v3/pay/transactions/out-trade-no/" + poisoned.orderId(), "appid");
        List<OrderCreated> others = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> prepaid(700, Instant.now().plus(Duration.ofHours(1))))
                .toList();
        List<OrderCreated> batch = new java.util.ArrayList<>(others);
        batch.add(2, poisoned);
        for (OrderCreated order : batch) {
            pay(order.orderId());
        }
        sendAll(batch.stream().map(ActiveQueryTests::paymentRequested).toList());

        await().atMost(WAIT).until(() -> others.stream().allMatch(o -> "DONE:PAID".equals(query(o.orderId()))));
        assertThat(others)
                .allSatisfy(o -> assertThat(outboxEvents(o.orderId()))
                        .as("one PaymentNotified")
                        .isEqualTo(1));
        await().atMost(WAIT).until(() -> step(poisoned.orderId()) >= 2);
        assertThat(query(poisoned.orderId())).isEqualTo("ACTIVE:FAILED:NullPointerException");
        assertThat(workFailures("query", "NullPointerException")).isGreaterThanOrEqualTo(failedBefore + 2);
        assertThat(outboxEvents(poisoned.orderId())).isZero();

        clearFaultsNow();
        PaymentNotified paid =
                (PaymentNotified) reconcileEvents(poisoned.orderId(), 1).get(0);
        assertThat(paid.source()).isEqualTo(NotificationSource.QUERY);
        await().atMost(WAIT).until(() -> "DONE:PAID".equals(query(poisoned.orderId())));
    }

    @Test
    void anUnpaidOrderIsQueriedOnTheRisingScheduleUntilItsVerdictArrives() {
        OrderCreated order = prepaid(100, Instant.now().plus(Duration.ofHours(1)));
        send(paymentRequested(order));

        await().atMost(WAIT).until(() -> step(order.orderId()) >= 2);
        assertThat(query(order.orderId())).isEqualTo("ACTIVE:NOTPAY");
        assertThat(activeQueries.stuck(Duration.ZERO, 500)).anySatisfy(stuck -> {
            assertThat(stuck.orderId()).isEqualTo(order.orderId());
            assertThat(stuck.kind()).isEqualTo("PAYMENT");
            assertThat(stuck.lastOutcome()).isEqualTo("NOTPAY");
        });
        send(OrderStatusChangedBuilder.changed(order, OrderStatus.CLOSED)
                .withReason("CLOSED")
                .build());
        await().atMost(WAIT).until(() -> "CANCELLED:SETTLED".equals(query(order.orderId())));
        assertThat(outboxEvents(order.orderId())).isZero();
    }

    @Test
    void payParamsArrivingAfterTheVerdictStartNoQuery() {
        OrderCreated order = prepaid(100, Instant.now().plus(Duration.ofHours(1)));
        // the status topic was faster than the payment events: the order is paid before its pay params arrive
        send(OrderStatusChangedBuilder.changed(order, OrderStatus.SUCCESS)
                .withReason("PAID")
                .withPaid("4200001", Instant.now())
                .build());
        await().atMost(WAIT)
                .until(() -> "SUCCESS"
                        .equals(jdbc.sql("select status from ledger_order where order_id = ?")
                                .param(order.orderId())
                                .query(String.class)
                                .optional()
                                .orElse(null)));

        String requested = send(paymentRequested(order));

        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from processed_message where ce_id = ?")
                                .param(requested)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(query(order.orderId()))
                .as("no active query for an order whose verdict is known")
                .isEqualTo("CANCELLED:SETTLED");
    }

    @Test
    void aCancelThatCameFirstKeepsALaterStartFromQuerying() {
        // the verdict's transaction committed its cancel before the ledger knew the verdict to a concurrent start
        String orderId = "OF20261206"
                + java.util
                        .UUID
                        .randomUUID()
                        .toString()
                        .replace("-", "")
                        .substring(0, 16)
                        .toUpperCase();
        queries.cancel(Query.PAYMENT, orderId, null);

        assertThat(queries.start(
                        Query.PAYMENT, orderId, orderId, "1234567891", null, null, Instant.now(), java.util.Set.of()))
                .isFalse();
        assertThat(query(orderId)).isEqualTo("CANCELLED:SETTLED");
    }

    @Test
    void aRefundLeftInProcessingIsFoundSucceededByQuery() throws Exception {
        OrderCreated order = prepaid(5000, Instant.now().plus(Duration.ofHours(1)));
        String outRefundNo = refundAtWechat(order);

        RefundNotified notified =
                (RefundNotified) reconcileEvents(order.orderId(), 1).get(0);
        assertThat(notified.source()).isEqualTo(NotificationSource.QUERY);
        assertThat(notified.status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(notified.outRefundNo()).isEqualTo(outRefundNo);
        assertThat(notified.refund()).isEqualTo(Money.cny(2000));
        assertThat(notified.successTime()).isNotNull();
    }

    @Test
    void anAbnormalRefundIsSurfacedAsRefundNotifiedAndCounted() throws Exception {
        Refunds refunds = simulator.context().getBean(Refunds.class);
        OrderCreated order = prepaid(5000, Instant.now().plus(Duration.ofHours(1)));
        refunds.configure(null, io.orderflow.simulator.ledger.RefundStatus.ABNORMAL);
        try {
            refundAtWechat(order);
        } finally {
            refunds.configure(null, io.orderflow.simulator.ledger.RefundStatus.SUCCESS);
        }

        RefundNotified notified =
                (RefundNotified) reconcileEvents(order.orderId(), 1).get(0);
        assertThat(notified.status()).isEqualTo(RefundStatus.ABNORMAL);
        assertThat(notified.source()).isEqualTo(NotificationSource.QUERY);
        assertThat(meters.counter("orderflow.reconcile.queries", "kind", "REFUND", "outcome", "ABNORMAL")
                        .count())
                .isPositive();
    }

    @Test
    void aRefundStuckInProcessingIsCountedAndListedForAnOperator() throws Exception {
        Refunds refunds = simulator.context().getBean(Refunds.class);
        OrderCreated order = prepaid(5000, Instant.now().plus(Duration.ofHours(1)));
        refunds.configure(null, io.orderflow.simulator.ledger.RefundStatus.PROCESSING);
        String outRefundNo;
        try {
            outRefundNo = refundAtWechat(order);
        } finally {
            refunds.configure(null, io.orderflow.simulator.ledger.RefundStatus.SUCCESS);
        }

        await().atMost(WAIT).until(() -> step(order.orderId()) >= 2);
        await().atMost(WAIT)
                .until(() ->
                        meters.get("orderflow.reconcile.refunds.stuck").gauge().value() >= 1);
        MockMvc http = MockMvcBuilders.webAppContextSetup(context).build();
        http.perform(get("/reconcile/v1/stuck").param("older-than", "PT1S"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queries[?(@.key == '%s')].kind", outRefundNo)
                        .value("REFUND"))
                .andExpect(jsonPath("$.queries[?(@.key == '%s')].last_outcome", outRefundNo)
                        .value("PROCESSING"));
        http.perform(get("/reconcile/v1/stuck").param("older-than", "PT24H"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queries[?(@.key == '%s')]", outRefundNo).isEmpty());
        assertThat(outboxEvents(order.orderId())).isZero();
    }

    @Test
    void theStuckListRefusesAThresholdThatIsNotADuration() throws Exception {
        MockMvcBuilders.webAppContextSetup(context)
                .build()
                .perform(get("/reconcile/v1/stuck").param("older-than", "an hour"))
                .andExpect(status().isBadRequest());
    }

    /** Pays the order, refunds 20.00 of it at WeChat and reports it PROCESSING as payment-service would. */
    private String refundAtWechat(OrderCreated order) throws Exception {
        pay(order.orderId());
        String outRefundNo = "RF" + order.orderId().substring(2);
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(order.orderId());
        request.setOutRefundNo(outRefundNo);
        AmountReq amount = new AmountReq();
        amount.setRefund(2000L);
        amount.setTotal(5000L);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        var refund = merchants.merchant(TestMerchant.MCHID).refunds().create(request);
        send(new RefundSubmitted(
                order.orderId(),
                TestMerchant.MCHID,
                outRefundNo,
                refund.getRefundId(),
                RefundStatus.PROCESSING,
                Money.cny(2000),
                Instant.now()));
        return outRefundNo;
    }

    private static PaymentRequested paymentRequested(OrderCreated order) {
        String prepayId = simulator
                .ledger()
                .order(TestMerchant.MCHID, order.orderId())
                .orElseThrow()
                .prepayId();
        return PaymentRequestedBuilder.paymentRequested(order, prepayId).build();
    }

    private double repaired() {
        var counter = meters.find("orderflow.reconcile.repaired")
                .tags("kind", "PAYMENT", "via", "active-query")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String query(String orderId) {
        return jdbc.sql("select state || ':' || coalesce(outcome, 'null') from active_query where order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private int step(String orderId) {
        return jdbc.sql("select step from active_query where order_id = ?")
                .param(orderId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }
}
