package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.platform.test.KafkaBrokerProcess;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.process.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker as a process of its own, killed ({@code kill -9}) while payers pay and restarted with its data.
 * Readiness is honoured: Kubernetes sends WeChat's callbacks only to a ready notify-service, so notify-service
 * must report ready throughout the outage (its readiness is the database only, ADR 0016; the outage lasts until
 * order-service, whose readiness includes the binder, reports not ready) and acknowledge every callback
 * meanwhile, their events waiting in its outbox. Consumers wait, and everything flows once the broker is back,
 * ending in the consistency check.
 */
class BrokerOutageScenarioTests {

    private static final Pattern PENDING =
            Pattern.compile("(?m)^orderflow_outbox_pending_events(?:\\{[^}]*})? ([0-9.E]+)$");

    private static KafkaBrokerProcess broker;
    private static OrderflowSystem system;
    private static ShopClient shop;

    @BeforeAll
    static void start() {
        broker = KafkaBrokerProcess.start();
        system = OrderflowSystem.start("broker_outage", broker.bootstrapServers());
        shop = system.newShop("broker outage shop");
    }

    @AfterAll
    static void stop() {
        system.close();
        broker.close();
    }

    @Test
    void theBrokerKilledWhilePayersPayLosesNothingAndDoublesNothingAndNotifyKeepsTakingCallbacks() {
        ServiceProcess notify = system.service("notify-service");
        Map<Integer, Integer> readiness = new TreeMap<>();
        ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
        Scenario scenario = new Scenario(system, shop, Scenario.SEED + 3, Scenario.ORDERS);

        ConsistencyCheck.Report report = scenario.run(
                "broker killed",
                () -> {
                    broker.kill();
                    prober.scheduleWithFixedDelay(
                            () -> {
                                int status = notify.readiness(Duration.ofSeconds(3));
                                if (Thread.currentThread().isInterrupted()) {
                                    // the prober was stopped (shutdownNow) while this probe waited: no answer
                                    // from notify-service to count (readiness gives -1 for an interrupted call)
                                    return;
                                }
                                synchronized (readiness) {
                                    readiness.merge(status, 1, Integer::sum);
                                }
                            },
                            0,
                            100,
                            TimeUnit.MILLISECONDS);
                },
                () -> {
                    // still without a broker: the outage shows on a readiness that includes the binder
                    // (order-service's),
                    // every payment's callback was taken, and its event waits in notify-service's outbox
                    await("order-service not ready without the broker")
                            .atMost(Duration.ofMinutes(2))
                            .until(() -> system.service("order-service").readiness(Duration.ofSeconds(3)) != 200);
                    await("callbacks acknowledged during the outage")
                            .atMost(Duration.ofMinutes(2))
                            .until(() -> scenario.paid().stream().allMatch(BrokerOutageScenarioTests::acknowledged));
                    await("notify-service's outbox holding the payments")
                            .atMost(Duration.ofMinutes(1))
                            .until(() ->
                                    outboxPending(notify) >= scenario.paid().size());
                    prober.shutdownNow();
                    broker.restart();
                });

        System.out.println("notify-service readiness during the outage (HTTP status: samples): " + readiness);
        FaultScenarioTests.assertConsistent(report);
        assertThat(readiness.keySet()).containsExactly(200);
        assertThat(readiness.get(200)).isGreaterThanOrEqualTo(5);
    }

    private static boolean acknowledged(String orderId) {
        return system.simulator.ledger().order(TestMerchant.MCHID, orderId).orElseThrow().deliveries().stream()
                .anyMatch(d -> d.eventType().equals("TRANSACTION.SUCCESS")
                        && d.outcome().equals("ACKNOWLEDGED"));
    }

    /** notify-service's {@code orderflow.outbox.pending} gauge (refreshed every 5 s). */
    private static double outboxPending(ServiceProcess notify) {
        Matcher matcher = PENDING.matcher(notify.prometheus());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
