package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.platform.test.PostgresServerProcess;
import io.orderflow.process.ServiceProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each service's own PostgreSQL crashes ({@code kill -9} of the postmaster, so it comes back through crash
 * recovery) while payers pay, one service at a time, the others running on. Every order must settle as at
 * WeChat, with nothing in a dead-letter topic: a consumer waits for its database instead of giving up on the
 * events it receives meanwhile, WeChat's callbacks are retried, and the relays send what was committed.
 * {@code -Dorderflow.scenario.orders=500} makes it long (docs/reliability.md).
 */
class DatabaseRestartScenarioTests {

    private static OrderflowSystem system;
    private static ShopClient shop;
    /** Above Hikari's 10 s wait for a connection, which the probe's database check sits out while it is down. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    @BeforeAll
    static void start() {
        system = OrderflowSystem.startWithOwnDatabases("db_restarts");
        shop = system.newShop("database restarts shop");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void everyServicesDatabaseCrashedAndRestartedMidRunOneAtATime() {
        for (String service :
                new String[] {"order-service", "payment-service", "notify-service", "reconcile-service"}) {
            PostgresServerProcess database = system.databaseServer(service);
            ServiceProcess process = system.service(service);
            Scenario scenario = new Scenario(system, shop, Scenario.SEED + 7 + service.hashCode(), Scenario.ORDERS / 2);
            if (service.equals("notify-service")) {
                // without its database notify-service answers 500 and WeChat retries
                scenario.failingSomeCallbacks();
            }
            FaultScenarioTests.assertConsistent(scenario.run(service + "'s database crashed", database::crash, () -> {
                // the service notices (its readiness probe turns away traffic) before the database returns
                await(service + " not ready without its database")
                        .atMost(Duration.ofSeconds(90))
                        .until(() -> process.readiness(PROBE_TIMEOUT) == 503);
                if (service.equals("order-service")) {
                    shopRetriesACreateRefusedWhileTheDatabaseIsAway(database);
                } else {
                    database.restart();
                }
                await(service + " ready again")
                        .atMost(Duration.ofSeconds(120))
                        .until(() -> process.readiness(PROBE_TIMEOUT) == 200);
            }));
        }
    }

    /**
     * A shop's create while order-service's database is away gets a 503 with Retry-After and changes nothing;
     * the same request sent again once the database is back creates the order, and once more returns it.
     */
    private static void shopRetriesACreateRefusedWhileTheDatabaseIsAway(PostgresServerProcess database) {
        String body = """
                {"shop_order_no":"DB-%s","description":"retried","amount":{"total":300,"currency":"CNY"},
                 "payer":{"openid":"%s"}}""".formatted(UUID.randomUUID(), ShopClient.newPayer());
        HttpResponse<String> away = shop.post("/v1/orders", body);
        assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
        assertThat(away.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(ShopClient.JSON.readTree(away.body()).path("code").asString())
                .isEqualTo("SERVICE_UNAVAILABLE");

        database.restart();
        HttpResponse<String> created = await("the retried create")
                .atMost(Duration.ofSeconds(120))
                .until(() -> shop.post("/v1/orders", body), response -> response.statusCode() != 503);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> again = shop.post("/v1/orders", body);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(ShopClient.JSON.readTree(again.body()).path("order_id").asString())
                .isEqualTo(ShopClient.JSON
                        .readTree(created.body())
                        .path("order_id")
                        .asString());
    }
}
