package io.orderflow.reconcile.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.TimeoutExpired;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.work.DueWork;
import io.orderflow.platform.work.DueWorker;
import io.orderflow.reconcile.SimulatedWechatPay;
import io.orderflow.testkit.Broker;
import io.orderflow.testkit.OrderCreatedBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Payer against timer, and a restart with timers due: every order ends one way, reported once. */
class ExpiryRaceTests extends SimulatedWechatPay {

    @Autowired
    @Qualifier("expiryWorker")
    DueWorker worker;

    @Autowired
    Timers timers;

    @Autowired
    WechatPayGateway wechat;

    @Autowired
    Outbox outbox;

    @Autowired
    DueWork work;

    @Autowired
    WorkerSettings settings;

    @Autowired
    Clock clock;

    @Test
    void aPayerRacingTheTimerEndsPaidOrClosedNeverBothNeverNeither() throws Exception {
        Random random = new Random(7);
        List<OrderCreated> prepaid = IntStream.range(0, 16)
                .mapToObj(i -> prepaid(100, Instant.now()))
                .toList();
        Instant expireAt = Instant.now().plusMillis(2500);
        List<OrderCreated> orders = prepaid.stream()
                .map(o -> OrderCreatedBuilder.from(o).withExpireAt(expireAt).build())
                .toList();
        ScheduledExecutorService payers = Executors.newScheduledThreadPool(4);
        try {
            sendAll(orders);
            // each payer pays somewhere from 300 ms before to 1.5 s after the common expiry
            long untilExpiry = expireAt.toEpochMilli() - System.currentTimeMillis();
            orders.forEach(o -> payers.schedule(
                    () -> payQuietly(o.orderId()),
                    Math.max(0, untilExpiry - 300 + random.nextInt(1800)),
                    TimeUnit.MILLISECONDS));

            Map<String, OrderflowEvent> outcomes = firstEvents(orders);
            assertThat(outcomes).hasSize(orders.size());
            outcomes.forEach((orderId, event) -> {
                String ledger = ledgerState(orderId);
                if (event instanceof TimeoutExpired) {
                    assertThat(ledger).as(orderId + " reported closed").isEqualTo("CLOSED");
                } else {
                    assertThat(event).isInstanceOf(PaymentNotified.class);
                    assertThat(ledger).as(orderId + " reported paid").isEqualTo("SUCCESS");
                }
                assertThat(outboxEvents(orderId)).as(orderId + " reported once").isEqualTo(1);
            });
        } finally {
            payers.shutdownNow();
        }
    }

    @Test
    void timersThatFellDueWhileStoppedFireOnceAfterRestart() {
        worker.stop();
        try {
            List<OrderCreated> orders = IntStream.range(0, 4)
                    .mapToObj(i -> prepaid(100, Instant.now().plusMillis(300)))
                    .toList();
            sendAll(orders);
            await().atMost(WAIT)
                    .until(() -> orders.stream()
                            .allMatch(o -> jdbc.sql(
                                                    "select count(*) from expiry_timer where order_id = ? and state = 'ARMED' and due_at < now()")
                                            .param(o.orderId())
                                            .query(Long.class)
                                            .single()
                                    == 1));
            assertThat(orders)
                    .allSatisfy(o -> assertThat(outboxEvents(o.orderId())).isZero());

            worker.start();
            await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> outboxEvents(o.orderId()) == 1));
            assertThat(orders)
                    .allSatisfy(o -> assertThat(ledgerState(o.orderId())).isEqualTo("CLOSED"));
        } finally {
            if (!worker.isRunning()) {
                worker.start();
            }
        }
    }

    @Test
    void aSecondReplicasWorkersShareTheTimersAndEachFiresOnce() {
        ExpiryWorker second = new ExpiryWorker(timers, new CloseProtocol(wechat, clock), outbox, work);
        DueWorker replica = new DueWorker("replica-2", settings, second::runBatch);
        replica.start();
        try {
            List<OrderCreated> orders = IntStream.range(0, 12)
                    .mapToObj(i -> prepaid(100, Instant.now().plusMillis(1500)))
                    .toList();
            sendAll(orders);
            await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> outboxEvents(o.orderId()) >= 1));
            assertThat(orders).allSatisfy(o -> {
                assertThat(outboxEvents(o.orderId()))
                        .as(o.orderId() + " fired once")
                        .isEqualTo(1);
                assertThat(ledgerState(o.orderId())).isEqualTo("CLOSED");
            });
        } finally {
            replica.stop();
        }
    }

    private static void payQuietly(String orderId) {
        try {
            pay(orderId);
        } catch (Exception e) {
            // closed first: the payer is refused, which is one of the two allowed endings
        }
    }

    private static Map<String, OrderflowEvent> firstEvents(List<OrderCreated> orders) {
        List<String> ids = orders.stream().map(OrderCreated::orderId).toList();
        return Broker.firstEvents(io.orderflow.events.EventTypes.RECONCILE_EVENTS_TOPIC, ids, WAIT);
    }
}
