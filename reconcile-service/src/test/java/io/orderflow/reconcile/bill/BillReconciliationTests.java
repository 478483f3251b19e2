package io.orderflow.reconcile.bill;

import static io.orderflow.reconcile.TestRefunds.refund;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.DiscrepancyFound;
import io.orderflow.events.DiscrepancyKind;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.ReconciliationCompleted;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundStatus;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.events.TradeState;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.ledger.Refund;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each discrepancy kind made on purpose, against the simulator's real-format bills. */
class BillReconciliationTests extends BillFixtures {

    @Autowired
    MeterRegistry meters;

    @Test
    void aDayWhereBothSidesAgreeIsCleanAndAnnouncedWithItsTotals() throws Exception {
        LocalDate day = day(20);
        OrderCreated first = order(1000);
        OrderCreated second = order(2550);
        payAt(first, at(day, "10:00:00"));
        payAt(second, at(day, "11:00:00"));
        Refund refund = refundAt(second, "RF" + second.orderId(), 550, at(day, "12:00:00"));
        ledger(first, OrderStatus.SUCCESS, 1000, at(day, "10:00:00"), List.of());
        ledger(
                second,
                OrderStatus.REFUND,
                2550,
                at(day, "11:00:00"),
                List.of(refund(
                        refund.outRefundNo(), 550, RefundStatus.SUCCESS, refund.refundId(), at(day, "12:00:00"))));

        BillRun run = run(day).run();

        assertThat(run.outcome()).isEqualTo("COMPLETED");
        assertThat(run.billRows()).isEqualTo(3);
        assertThat(run.matched()).isEqualTo(3);
        assertThat(run.discrepancies()).isZero();
        assertThat(run.wechatSuccessFen()).isEqualTo(3550).isEqualTo(run.localSuccessFen());
        assertThat(run.wechatRefundFen()).isEqualTo(550).isEqualTo(run.localRefundFen());
        ReconciliationCompleted completed =
                (ReconciliationCompleted) published(subject(day), 1).get(0);
        assertThat(completed.runId()).isEqualTo(run.runId());
        assertThat(completed.billRows()).isEqualTo(3);
        assertThat(completed.matched()).isEqualTo(3);
        assertThat(completed.discrepancies()).isZero();
        assertThat(completed.wechatSuccessTotalFen()).isEqualTo(3550);
    }

    @Test
    void aDayWithoutTradesIsACleanResultNotAnError() {
        LocalDate day = day(21);

        BillDay result = run(day);

        assertThat(result.run().outcome()).isEqualTo("NO_STATEMENT");
        assertThat(result.run().retryAt()).isNull();
        assertThat(result.discrepancies()).isEmpty();
        ReconciliationCompleted completed =
                (ReconciliationCompleted) published(subject(day), 1).get(0);
        assertThat(completed.billRows()).isZero();
        assertThat(completed.discrepancies()).isZero();
    }

    @Test
    void aPaymentMissingHereIsConfirmedByQueryAndRepairedOnceHoweverOftenTheDayRuns() throws Exception {
        LocalDate day = day(22);
        OrderCreated order = order(4200);
        ledger(order, OrderStatus.PENDING, 4200, null, List.of());
        payAt(order, at(day, "09:30:00"));
        double repairedBefore = counter("orderflow.reconcile.repaired", "via", "bill", "kind", "PAYMENT");

        Discrepancy found = single(run(day), DiscrepancyKind.MISSING_LOCALLY);

        assertThat(found.orderId()).isEqualTo(order.orderId());
        assertThat(found.repaired()).isTrue();
        assertThat(found.wechatAmountFen()).isEqualTo(4200);
        List<OrderflowEvent> events = published(order.orderId(), 2);
        PaymentNotified paid = only(events, PaymentNotified.class);
        assertThat(paid.source()).isEqualTo(NotificationSource.BILL);
        assertThat(paid.tradeState()).isEqualTo(TradeState.SUCCESS);
        assertThat(paid.amount()).isEqualTo(Money.cny(4200));
        assertThat(only(events, DiscrepancyFound.class).repaired()).isTrue();
        assertThat(counter("orderflow.reconcile.repaired", "via", "bill", "kind", "PAYMENT"))
                .isEqualTo(repairedBefore + 1);

        BillDay again = run(day);

        assertThat(again.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_LOCALLY);
            assertThat(d.repaired()).isTrue();
        });
        assertThat(outboxEvents(order.orderId())).isEqualTo(2);
        assertThat(outboxEvents(subject(day))).isEqualTo(2);
    }

    @Test
    void aPaymentWechatNeverSawIsReportedMissingAtWechatAndNotRepaired() throws Exception {
        LocalDate day = day(23);
        OrderCreated paidThere = paidAndLedgered(100, at(day, "08:00:00"));
        OrderCreated neverPaid = order(777);
        ledger(neverPaid, OrderStatus.SUCCESS, 777, at(day, "15:00:00"), List.of());

        BillDay result = run(day);

        Discrepancy found = single(result, DiscrepancyKind.MISSING_AT_WECHAT);
        assertThat(found.orderId()).isEqualTo(neverPaid.orderId());
        assertThat(found.localAmountFen()).isEqualTo(777);
        assertThat(found.wechatAmountFen()).isNull();
        assertThat(found.repaired()).isFalse();
        assertThat(result.run().matched()).isEqualTo(1);
        assertThat(result.run().localSuccessFen()).isEqualTo(877);
        assertThat(result.run().wechatSuccessFen()).isEqualTo(100);
        double alertsBefore = counter("orderflow.risk.alerts", "kind", "RECONCILIATION_DISCREPANCY");
        List<OrderflowEvent> events = published(neverPaid.orderId(), 2);
        DiscrepancyFound event = only(events, DiscrepancyFound.class);
        assertThat(event.kind()).isEqualTo(DiscrepancyKind.MISSING_AT_WECHAT);
        assertThat(event.billDate()).isEqualTo(day);
        assertThat(counter("orderflow.reconcile.discrepancies", "kind", "MISSING_AT_WECHAT"))
                .isPositive();
        // money orderflow counts as paid that WeChat never received: an operator must look
        RiskAlertRaised alert = only(events, RiskAlertRaised.class);
        assertThat(alert.kind()).isEqualTo(RiskAlertKind.RECONCILIATION_DISCREPANCY);
        assertThat(alert.alertId())
                .isEqualTo("RECONCILIATION_DISCREPANCY:" + TestMerchant.MCHID + ":" + day + ":MISSING_AT_WECHAT:"
                        + found.itemKey());
        assertThat(alert.mchid()).isEqualTo(TestMerchant.MCHID);
        assertThat(alert.shopId()).isEqualTo(neverPaid.shopId());
        assertThat(alert.orderId()).isEqualTo(neverPaid.orderId());
        assertThat(alert.amountFen()).isNull();
        assertThat(alert.referenceFen()).isEqualTo(777);
        assertThat(alert.detail()).startsWith("MISSING_AT_WECHAT in the bill of " + day);

        run(day);

        // raised once per discrepancy, however often the day runs
        assertThat(outboxEvents(neverPaid.orderId())).isEqualTo(2);
        assertThat(counter("orderflow.risk.alerts", "kind", "RECONCILIATION_DISCREPANCY"))
                .isEqualTo(alertsBefore);
    }

    @Test
    void differentAmountsAreAnAmountMismatchReportedNotFixed() throws Exception {
        LocalDate day = day(24);
        OrderCreated order = paidAndLedgered(1000, 900, at(day, "13:00:00"));

        Discrepancy found = single(run(day), DiscrepancyKind.AMOUNT_MISMATCH);

        assertThat(found.wechatAmountFen()).isEqualTo(1000);
        assertThat(found.localAmountFen()).isEqualTo(900);
        assertThat(found.repaired()).isFalse();
        List<OrderflowEvent> events = published(order.orderId(), 2);
        assertThat(events).hasSize(2);
        assertThat(only(events, DiscrepancyFound.class).kind()).isEqualTo(DiscrepancyKind.AMOUNT_MISMATCH);
        RiskAlertRaised alert = only(events, RiskAlertRaised.class);
        assertThat(alert.amountFen()).isEqualTo(1000);
        assertThat(alert.referenceFen()).isEqualTo(900);
    }

    @Test
    void anOrderPaidAtWechatButClosedHereIsAStatusMismatchReportedNotFixed() throws Exception {
        LocalDate day = day(25);
        OrderCreated order = orderPaidAt(300, at(day, "14:00:00"));
        ledger(order, OrderStatus.CLOSED, 300, null, List.of());

        Discrepancy found = single(run(day), DiscrepancyKind.STATUS_MISMATCH);

        assertThat(found.wechatStatus()).isEqualTo("SUCCESS");
        assertThat(found.localStatus()).isEqualTo("CLOSED");
        assertThat(found.repaired()).isFalse();
        // DiscrepancyFound and its risk alert
        assertThat(outboxEvents(order.orderId())).isEqualTo(2);
    }

    @Test
    void refundsThatDifferAreRefundMismatchesAndOnlyAFinishedOneStillProcessingHereIsRepaired() throws Exception {
        LocalDate day = day(26);
        OrderCreated order = orderPaidAt(5000, at(day, "10:00:00"));
        Refund processingHere = refundAt(order, "RA" + order.orderId(), 1000, at(day, "11:00:00"));
        Refund unknownHere = refundAt(order, "RB" + order.orderId(), 500, at(day, "11:30:00"));
        ledger(
                order,
                OrderStatus.REFUND,
                5000,
                at(day, "10:00:00"),
                List.of(refund(
                        processingHere.outRefundNo(),
                        1000,
                        RefundStatus.PROCESSING,
                        processingHere.refundId(),
                        at(day, "11:00:00"))));

        BillDay result = run(day);

        assertThat(result.discrepancies()).extracting(Discrepancy::kind).containsOnly(DiscrepancyKind.REFUND_MISMATCH);
        assertThat(result.discrepancies())
                .filteredOn(d -> d.outRefundNo().equals(processingHere.outRefundNo()))
                .singleElement()
                .satisfies(d -> assertThat(d.repaired()).isTrue());
        assertThat(result.discrepancies())
                .filteredOn(d -> d.outRefundNo().equals(unknownHere.outRefundNo()))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.repaired()).isFalse();
                    assertThat(d.localAmountFen()).isNull();
                    assertThat(d.wechatAmountFen()).isEqualTo(500);
                });
        // two DiscrepancyFound, the repair of the first, the risk alert of the second (which no query repairs)
        List<OrderflowEvent> events = published(order.orderId(), 4);
        assertThat(only(events, RiskAlertRaised.class).alertId()).endsWith(unknownHere.outRefundNo());
        RefundNotified notified = only(events, RefundNotified.class);
        assertThat(notified.source()).isEqualTo(NotificationSource.BILL);
        assertThat(notified.status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(notified.outRefundNo()).isEqualTo(processingHere.outRefundNo());
        assertThat(notified.refund()).isEqualTo(Money.cny(1000));
    }

    private static Discrepancy single(BillDay day, DiscrepancyKind kind) {
        assertThat(day.run().outcome()).isEqualTo("COMPLETED");
        assertThat(day.discrepancies()).extracting(Discrepancy::kind).containsExactly(kind);
        return day.discrepancies().get(0);
    }

    private static <T> T only(List<OrderflowEvent> events, Class<T> type) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + type.getSimpleName());
                })
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + events));
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
