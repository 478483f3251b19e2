package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.fault.Holds;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded scenarios under faults, each ending in the consistency check (docs/reliability.md). The short
 * versions run here; {@code -Dorderflow.scenario.orders=500} makes them long, {@code -Dorderflow.scenario.seed}
 * picks another seed. Active queries start only 10 s after an order's pay params (1 s elsewhere in the system
 * tests), so a payment whose callback was refused is not quietly repaired at once: the callback path must do the
 * work, and the delivery log shows whether it did.
 */
class FaultScenarioTests {

    private static OrderflowSystem system;
    private static ShopClient shop;

    @BeforeAll
    static void start() {
        system = OrderflowSystem.start(
                "fault_scenarios",
                TestKafka.bootstrapServers(),
                Map.of(
                        "reconcile-service",
                        Map.of(
                                "orderflow.reconcile.query.steps",
                                "10s,10s",
                                "orderflow.reconcile.query.then-every",
                                "10s")));
        shop = system.newShop("fault scenarios shop");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @AfterEach
    void clearFaults() {
        faults().reset(Scenario.SEED);
        system.simulator.context().getBean(Holds.class).releaseAll();
    }

    @Test
    void droppedDuplicatedAndReorderedCallbacksLeaveOrderflowExactlyAsWechatSees() {
        faults().add(FaultKind.DROP_CALLBACK, TestMerchant.MCHID, null, 0.3, null, null);
        faults().add(FaultKind.DUPLICATE_CALLBACK, TestMerchant.MCHID, null, 0.3, null, 1L);
        faults().add(FaultKind.REORDER_CALLBACKS, TestMerchant.MCHID, null, 0.3, null, 2L);

        assertConsistent(new Scenario(system, shop, Scenario.SEED, Scenario.ORDERS)
                .run("callbacks dropped, duplicated, reordered", () -> {}, () -> {}));
    }

    @Test
    void forgedCallbacksAreRefusedAndRaiseOneBurstAlertAndNothingElse() {
        // before every genuine callback a forgery with another amount, another transaction id or a SUCCESS for an
        // unpaid order, in turn (refunds: another amount); they come within seconds, so they make one burst
        faults().add(FaultKind.FORGED_CALLBACK, TestMerchant.MCHID, null, 1.0, null, null);
        Scenario scenario = new Scenario(system, shop, Scenario.SEED + 5, Scenario.ORDERS)
                .expecting("CALLBACK_VERIFICATION_BURST", 1);

        ConsistencyCheck.Report report = scenario.run("forged callbacks", () -> {}, () -> {});

        assertConsistent(report);
        assertThat(report.rows())
                .filteredOn(row -> row.check().equals(DeliveryCheck.REFUSED))
                .singleElement()
                .satisfies(row -> assertThat(row.checked()[0])
                        .isGreaterThanOrEqualTo(scenario.paid().size()));
    }

    @Test
    void wechatAnswering500And429AndLosingResponsesChangesNothingButTiming() {
        faults().add(FaultKind.SYSTEM_ERROR, TestMerchant.MCHID, "/v3/", 0.2, 3 * Scenario.ORDERS, null);
        faults().add(FaultKind.FREQUENCY_LIMITED, TestMerchant.MCHID, "/v3/", 0.1, 2 * Scenario.ORDERS, null);
        faults().add(FaultKind.RESPONSE_LOST, TestMerchant.MCHID, "/v3/", 0.1, Scenario.ORDERS, null);

        assertConsistent(new Scenario(system, shop, Scenario.SEED + 1, Scenario.ORDERS)
                .run("WeChat 500, 429, response lost", () -> {}, () -> {}));
    }

    @Test
    void everyServiceKilledAtSeededMomentsDuringPaymentsRefundsAndCloses() {
        MidPhaseKills kills = new MidPhaseKills(system, Scenario.SEED + 2);

        ConsistencyCheck.Report report = new Scenario(system, shop, Scenario.SEED + 2, Scenario.ORDERS)
                .failingSomeCallbacks()
                .run("every service killed during payments, refunds and closes", kills);

        kills.kills()
                .forEach(kill -> System.out.printf(
                        "%s: %s killed before action %d of %d%n",
                        kill.phase(), kill.service(), kill.before() + 1, kill.of()));
        System.out.printf(
                "payments not announced when order-service was killed applying one (its row locked): %s; "
                        + "refund answers held while payment-service was killed: %d%n",
                kills.paymentsInWindow(), kills.heldRefundKills());
        assertConsistent(report);
        assertThat(kills.kills())
                .allSatisfy(kill ->
                        assertThat(kill.wasRunning()).as(kill.toString()).isTrue())
                .extracting(MidPhaseKills.Kill::phase, MidPhaseKills.Kill::service)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Disruption.Phase.values())
                        .flatMap(phase -> MidPhaseKills.SERVICES.stream().map(service -> tuple(phase, service)))
                        .toList());
        assertThat(kills.paymentsInWindow()).isNotEmpty();
        assertThat(kills.heldRefundKills()).isEqualTo(1);
    }

    @Test
    void payersRacingTheExpiryEndPaidOrClosedAsTheirPayerWasAnswered() throws Exception {
        PayExpireRace.Outcome race = new PayExpireRace(system, shop, Scenario.SEED + 4, Scenario.ORDERS).run();

        System.out.printf(
                "%npay vs expire: seed %d, %d orders, %d paid, %d closed first, %d closes held until paid, "
                        + "%d closes answered ORDERPAID%n%s",
                Scenario.SEED + 4,
                race.payers().size(),
                race.paid(),
                race.closedFirst(),
                race.heldCloses(),
                race.closesOfPaidOrders(),
                race.report().table());
        assertConsistent(race.report());
        assertThat(race.paid() + race.closedFirst())
                .as("every payer paid or found the order closed")
                .isEqualTo(race.payers().size());
        assertThat(race.paid()).isPositive();
        assertThat(race.closedFirst()).isPositive();
        assertThat(race.heldCloses()).isEqualTo(Math.max(1, Math.min(10, Scenario.ORDERS / 8)));
        assertThat(race.closesOfPaidOrders()).isGreaterThanOrEqualTo(race.heldCloses());
    }

    static void assertConsistent(ConsistencyCheck.Report report) {
        assertThat(report.differences()).isEmpty();
        assertThat(report.rows())
                .allSatisfy(row -> assertThat(row.checked()[0]).as(row.check()).isPositive());
    }

    private static Faults faults() {
        return system.simulator.context().getBean(Faults.class);
    }
}
