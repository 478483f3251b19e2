package io.orderflow.reconcile.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.events.DiscrepancyKind;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** How runs go: the holding window across midnight, bills that fail or are not ready, and the operator API. */
class BillRunTests extends BillFixtures {

    @Autowired
    WebApplicationContext context;

    @Autowired
    BillSchedule schedule;

    @Test
    void aPaymentNearMidnightOnTheNextDaysBillIsHeldThenMatchedAndOneNeverBilledCountsAfterTheWindow()
            throws Exception {
        LocalDate day = day(28);
        LocalDate next = day.plusDays(1);
        OrderCreated crossing = orderPaidAt(1500, at(next, "00:00:20"));
        ledger(crossing, OrderStatus.SUCCESS, 1500, at(day, "23:59:50"), List.of());
        OrderCreated neverBilled = order(800);
        ledger(neverBilled, OrderStatus.SUCCESS, 800, at(day, "23:58:00"), List.of());

        BillDay first = run(day);

        assertThat(first.run().outcome()).isEqualTo("NO_STATEMENT");
        assertThat(first.run().held()).isEqualTo(2);
        assertThat(first.discrepancies()).isEmpty();

        BillDay second = run(next);

        assertThat(second.run().matched()).isEqualTo(1);
        assertThat(second.run().held()).isZero();
        assertThat(second.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_AT_WECHAT);
            assertThat(d.orderId()).isEqualTo(neverBilled.orderId());
        });
        assertThat(outboxEvents(crossing.orderId())).isZero();
        BillDay rerun = run(day);
        assertThat(rerun.run().held())
                .as("only the never-billed one: the other is on the next day's bill")
                .isEqualTo(1);
        assertThat(rerun.discrepancies())
                .as("reported once, by the run of the next day")
                .isEmpty();
        // its DiscrepancyFound and risk alert, once
        assertThat(outboxEvents(neverBilled.orderId())).isEqualTo(2);
    }

    @Test
    void aBillFailingItsHashIsRejectedUnreadAndTriedAgainLater() throws Exception {
        LocalDate day = day(29);
        OrderCreated order = orderPaidAt(100, at(day, "12:00:00"));
        fault("BAD_BILL_HASH", "/v3/bill/tradebill", 1);

        BillRun rejected = run(day).run();

        assertThat(rejected.outcome()).isEqualTo("HASH_MISMATCH");
        assertThat(rejected.retryAt()).isNotNull();
        assertThat(rejected.billRows()).isZero();
        assertThat(outboxEvents(order.orderId())).isZero();
        assertThat(outboxEvents(subject(day))).isZero();
        BillRun retried = awaitSettled(day);
        assertThat(retried.trigger()).isEqualTo("RETRY");
        assertThat(retried.attempt()).isEqualTo(2);
        assertThat(retried.discrepancies()).isEqualTo(1);
    }

    @Test
    void aBillStillBeingGeneratedIsTriedAgainLater() throws Exception {
        LocalDate day = day(30);
        OrderCreated order = paidAndLedgered(100, at(day, "12:00:00"));
        fault("STATEMENT_CREATING", "/v3/bill/tradebill", 1);

        BillRun waiting = run(day).run();

        assertThat(waiting.outcome()).isEqualTo("STATEMENT_CREATING");
        assertThat(waiting.retryAt()).isNotNull();
        BillRun retried = awaitSettled(day);
        assertThat(retried.outcome()).isEqualTo("COMPLETED");
        assertThat(retried.matched()).isEqualTo(1);
        assertThat(retried.discrepancies()).isZero();
    }

    @Test
    void aBillWechatHasNotGeneratedYetIsTriedAgainAndReconciledOnceItExists() throws Exception {
        LocalDate day = day(32);
        OrderCreated order = paidAndLedgered(100, at(day, "12:00:00"));
        try {
            // the simulator generates a day's bill from 09:00 the next day on its trade clock
            tradeClockAt(at(day.plusDays(1), "08:30:00"));

            BillRun waiting = run(day).run();

            assertThat(waiting.outcome()).isEqualTo("STATEMENT_CREATING");
            assertThat(waiting.retryAt()).isNotNull();
            tradeClockAt(at(day.plusDays(1), "10:30:00"));
            BillRun retried = awaitSettled(day);
            assertThat(retried.trigger()).isEqualTo("RETRY");
            assertThat(retried.outcome()).isEqualTo("COMPLETED");
            assertThat(retried.matched()).isEqualTo(1);
            assertThat(retried.discrepancies()).isZero();
        } finally {
            tradeClockAt(null);
        }
    }

    @Test
    void theDailyRunAtHalfPastTenReconcilesYesterdaysBillAsWechatGeneratedIt() throws Exception {
        LocalDate yesterday = reconciliation.yesterday();
        OrderCreated order = paidAndLedgered(700, at(yesterday, "15:00:00"));
        try {
            tradeClockAt(at(yesterday.plusDays(1), "10:30:00"));

            schedule.daily();

            BillRun run = reconciliation
                    .day(TestMerchant.MCHID, yesterday)
                    .orElseThrow()
                    .run();
            assertThat(run.trigger()).isEqualTo("SCHEDULED");
            assertThat(run.outcome()).isEqualTo("COMPLETED");
            assertThat(run.matched()).isEqualTo(1);
            assertThat(run.discrepancies()).isZero();
        } finally {
            tradeClockAt(null);
        }
    }

    @Test
    void datesOutsideWechatsWindowAreRefusedWithAClearBadRequest() throws Exception {
        MockMvc http = MockMvcBuilders.webAppContextSetup(context).build();
        for (LocalDate date : List.of(LocalDate.now(CHINA), LocalDate.now(CHINA).minusMonths(4))) {
            http.perform(post("/reconcile/v1/bills/{mchid}/{date}/runs", TestMerchant.MCHID, date))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_BILL_DATE"))
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("window")));
        }
        http.perform(post("/reconcile/v1/bills/{mchid}/{date}/runs", TestMerchant.MCHID, "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_BILL_DATE"));
        http.perform(post("/reconcile/v1/bills/{mchid}/{date}/runs", "1900000099", day(5)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_MERCHANT"));
    }

    @Test
    void anOperatorRunsADayOverHttpAndReadsItAsSnakeCaseJsonAndAsAnHtmlReport() throws Exception {
        LocalDate day = day(31);
        OrderCreated order = paidAndLedgered(2000, 1999, at(day, "16:00:00"));
        MockMvc http = MockMvcBuilders.webAppContextSetup(context).build();

        http.perform(post("/reconcile/v1/bills/{mchid}/{date}/runs", TestMerchant.MCHID, day))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.outcome").value("COMPLETED"))
                .andExpect(jsonPath("$.run.bill_rows").value(1))
                .andExpect(jsonPath("$.discrepancies[0].kind").value("AMOUNT_MISMATCH"));
        http.perform(get("/reconcile/v1/bills/{mchid}/{date}", TestMerchant.MCHID, day))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.wechat_success_fen").value(2000))
                .andExpect(jsonPath("$.run.local_success_fen").value(1999))
                .andExpect(jsonPath("$.discrepancies[0].order_id").value(order.orderId()))
                .andExpect(jsonPath("$.discrepancies[0].wechat_amount_fen").value(2000));
        http.perform(get("/reconcile/v1/bills/{mchid}/{date}/report", TestMerchant.MCHID, day))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("AMOUNT_MISMATCH"),
                                org.hamcrest.Matchers.containsString(order.orderId()),
                                org.hamcrest.Matchers.containsString("20.00 / 19.99"))));
        http.perform(get("/reconcile/v1/bills/{mchid}/{date}", TestMerchant.MCHID, day(60)))
                .andExpect(status().isNotFound());
    }

    /** The simulator's trade clock at {@code when}; null: real time again. */
    private static void tradeClockAt(Instant when) {
        simulator
                .context()
                .getBean(SimulatedTime.class)
                .shiftTrades(when == null ? Duration.ZERO : Duration.between(Instant.now(), when));
    }

    private BillRun awaitSettled(LocalDate day) {
        await().atMost(WAIT)
                .until(() -> reconciliation
                        .day(TestMerchant.MCHID, day)
                        .orElseThrow()
                        .run()
                        .settled());
        return reconciliation.day(TestMerchant.MCHID, day).orElseThrow().run();
    }
}
