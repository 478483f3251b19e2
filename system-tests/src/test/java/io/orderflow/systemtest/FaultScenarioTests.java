package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
        faults().reset(Scenario.SEED);
    }

    @Test
    void droppedDuplicatedAndReorderedCallbacksLeaveOrderflowExactlyAsWechatSees() {
        faults().add(FaultKind.DROP_CALLBACK, TestMerchant.MCHID, null, 0.3, null, null);
        faults().add(FaultKind.DUPLICATE_CALLBACK, TestMerchant.MCHID, null, 0.3, null, 1L);
        faults().add(FaultKind.REORDER_CALLBACKS, TestMerchant.MCHID, null, 0.3, null, 2L);

        assertConsistent(new Scenario(system, shop, Scenario.SEED, Scenario.ORDERS).run("callbacks dropped, duplicated, reordered", () -> { }, () -> { }));
    }

    @Test
    void forgedCallbacksAreRefusedAndRaiseOneBurstAlertAndNothingElse() {
        // a forged copy (signed with a stranger's key) goes before every genuine callback
        faults().add(FaultKind.FORGED_CALLBACK, TestMerchant.MCHID, null, 1.0, null, null);

        assertConsistent(new Scenario(system, shop, Scenario.SEED + 5, Scenario.ORDERS).injecting("CALLBACK_VERIFICATION_BURST")
                .run("forged callbacks", () -> { }, () -> { }));
    }

    @Test
    void wechatAnswering500And429AndLosingResponsesChangesNothingButTiming() {
        faults().add(FaultKind.SYSTEM_ERROR, TestMerchant.MCHID, "/v3/", 0.2, 3 * Scenario.ORDERS, null);
        faults().add(FaultKind.FREQUENCY_LIMITED, TestMerchant.MCHID, "/v3/", 0.1, 2 * Scenario.ORDERS, null);
        faults().add(FaultKind.RESPONSE_LOST, TestMerchant.MCHID, "/v3/", 0.1, Scenario.ORDERS, null);

        assertConsistent(new Scenario(system, shop, Scenario.SEED + 1, Scenario.ORDERS).run("WeChat 500, 429, response lost", () -> { }, () -> { }));
    }

    @Test
    void everyServiceKilledAndRestartedMidRunOneAtATime() {
        for (String service : new String[] {"order-service", "payment-service", "notify-service", "reconcile-service"}) {
            ServiceProcess process = system.service(service);
            assertConsistent(new Scenario(system, shop, Scenario.SEED + service.hashCode(), Scenario.ORDERS / 2).run(service + " killed",
                    process::kill, () -> process.start().awaitReady(Duration.ofSeconds(180))));
        }
    }

    @Test
    void payersRacingTheExpiryEndPaidOrClosedNeverBothNeverNeither() {
        Random random = new Random(Scenario.SEED + 4);
        ScheduledExecutorService payers = Executors.newScheduledThreadPool(4);
        List<String> orders = new ArrayList<>();
        try {
            for (int i = 0; i < Scenario.ORDERS; i++) {
                HttpResponse<String> created = shop.post("/v1/orders", """
                        {"shop_order_no":"RACE-%s","description":"race","amount":{"total":%d,"currency":"CNY"},
                         "payer":{"openid":"%s"},"expire_in_seconds":4}""".formatted(UUID.randomUUID(),
                        100 + random.nextInt(900), ShopClient.newPayer()), "Prefer", "wait=10");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String orderId = ShopClient.JSON.readTree(created.body()).path("order_id").asString();
                orders.add(orderId);
                // the payer confirms somewhere between a second before and a second after the expiry
                payers.schedule(() -> system.tryPay(orderId), 3000 + random.nextInt(2000), TimeUnit.MILLISECONDS);
            }
            await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(orders).allSatisfy(id ->
                    assertThat(shop.order(id).path("status").asString()).as(id).isIn("SUCCESS", "CLOSED")));
        } finally {
            payers.shutdownNow();
        }
        ConsistencyCheck.Report report = ConsistencyCheck.run(system, shop, orders);
        long paid = orders.stream().filter(id -> shop.order(id).path("status").asString().equals("SUCCESS")).count();
        System.out.printf("%npay vs expire: seed %d, %d orders, %d paid first, %d closed first%n%s", Scenario.SEED + 4,
                orders.size(), paid, orders.size() - paid, report.table());
        assertThat(report.differences()).isEmpty();
    }

    static void assertConsistent(ConsistencyCheck.Report report) {
        assertThat(report.differences()).isEmpty();
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.checked()[0]).as(row.check()).isPositive());
    }

    private static Faults faults() {
        return system.simulator.context().getBean(Faults.class);
    }
}
