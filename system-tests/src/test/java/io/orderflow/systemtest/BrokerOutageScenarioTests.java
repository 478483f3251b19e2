package io.orderflow.systemtest;

import io.orderflow.platform.test.KafkaBrokerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker as a process of its own, killed ({@code kill -9}) while payers pay and restarted with its data:
 * callbacks are taken and kept in notify-service's outbox, consumers wait, and everything flows once the
 * broker is back, ending in the consistency check.
 */
class BrokerOutageScenarioTests {

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
    void theBrokerKilledWhilePayersPayLosesNothingAndDoublesNothing() {
        FaultScenarioTests.assertConsistent(new Scenario(system, shop, Scenario.SEED + 3, Scenario.ORDERS)
                .run("broker killed", broker::kill, broker::restart));
    }
}
