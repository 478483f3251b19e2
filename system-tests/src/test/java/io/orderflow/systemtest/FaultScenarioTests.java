package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded scenarios under faults, each ending in the consistency check (docs/reliability.md). The short
 * versions run here; {@code -Dorderflow.scenario.orders=500} makes them long, {@code -Dorderflow.scenario.seed}
 * picks another seed.
 */
class FaultScenarioTests {

    private static final long SEED = Long.getLong("orderflow.scenario.seed", 20261201L);
    private static final int ORDERS = Integer.getInteger("orderflow.scenario.orders", 24);
    private static OrderflowSystem system;
    private static ShopClient shop;

    @BeforeAll
    static void start() {
        system = OrderflowSystem.start("fault_scenarios");
        shop = system.newShop("fault scenarios shop");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @AfterEach
    void clearFaults() {
        faults().reset(SEED);
    }

    @Test
    void droppedDuplicatedAndReorderedCallbacksLeaveOrderflowExactlyAsWechatSees() {
        faults().add(FaultKind.DROP_CALLBACK, TestMerchant.MCHID, null, 0.3, null, null);
        faults().add(FaultKind.DUPLICATE_CALLBACK, TestMerchant.MCHID, null, 0.3, null, 1L);
        faults().add(FaultKind.REORDER_CALLBACKS, TestMerchant.MCHID, null, 0.3, null, 2L);

        assertConsistent(new Scenario(system, shop, SEED, ORDERS).run("callbacks dropped, duplicated, reordered", () -> { }, () -> { }));
    }

    @Test
    void wechatAnswering500And429AndLosingResponsesChangesNothingButTiming() {
        faults().add(FaultKind.SYSTEM_ERROR, TestMerchant.MCHID, "/v3/", 0.2, 3 * ORDERS, null);
        faults().add(FaultKind.FREQUENCY_LIMITED, TestMerchant.MCHID, "/v3/", 0.1, 2 * ORDERS, null);
        faults().add(FaultKind.RESPONSE_LOST, TestMerchant.MCHID, "/v3/", 0.1, ORDERS, null);

        assertConsistent(new Scenario(system, shop, SEED + 1, ORDERS).run("WeChat 500, 429, response lost", () -> { }, () -> { }));
    }

    @Test
    void everyServiceKilledAndRestartedMidRunOneAtATime() {
        for (String service : new String[] {"order-service", "payment-service", "notify-service", "reconcile-service"}) {
            ServiceProcess process = system.service(service);
            assertConsistent(new Scenario(system, shop, SEED + service.hashCode(), ORDERS / 2).run(service + " killed",
                    process::kill, () -> process.start().awaitReady(Duration.ofSeconds(180))));
        }
    }

    static void assertConsistent(ConsistencyCheck.Report report) {
        assertThat(report.differences()).isEmpty();
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.checked()[0]).as(row.check()).isPositive());
    }

    private static Faults faults() {
        return system.simulator.context().getBean(Faults.class);
    }
}
