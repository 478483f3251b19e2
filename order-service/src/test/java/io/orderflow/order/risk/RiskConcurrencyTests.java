package io.orderflow.order.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.OrderServiceApplication;
import io.orderflow.order.support.Admin;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.TestClock;
import io.orderflow.platform.test.TestKafka;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Sixteen clients race a limit through two order-service instances (two Spring contexts, two connection
 * pools, one database), as two replicas would: the limits hold exactly, with no overshoot. Both instances
 * share one frozen clock, so the rate limit has no refill to blur the count.
 */
@OrderServiceTest
class RiskConcurrencyTests extends OneShopTestBase {

    private static final int CLIENTS = 16;
    private static ConfigurableApplicationContext replica;

    @Autowired
    TestClock clock;

    @Autowired
    Environment environment;

    ShopClient shopOnReplica;
    Admin admin;

    @BeforeEach
    void startReplicaOnce() {
        if (replica == null) {
            replica = startReplica(environment, clock);
        }
        shopOnReplica = new ShopClient(replicaPort(), shop.signer());
        admin = new Admin(port);
        clock.freeze();
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @AfterAll
    static void stopReplica() {
        if (replica != null) {
            replica.close();
            replica = null;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                    {"payer_max_orders":5}       | 5  | 11
                    {"payer_max_amount_fen":1000} | 10 | 6
                    """)
    void racingCreatesOfOnePayerNeverExceedItsOrderCountOrAmount(String limits, long created, long refused) {
        admin.limits(shop.signer().shopId(), limits);
        String payer = Orders.newOpenid();

        Map<Integer, Long> statuses = race(i -> Orders.body(Orders.newShopOrderNo(), 100, payer));

        assertThat(statuses).isEqualTo(Map.of(201, created, 422, refused));
        assertThat(ordersOf(payer)).isEqualTo(created);
    }

    @Test
    void racingCreatesOfOneShopNeverOverdrawItsRate() {
        admin.limits(shop.signer().shopId(), "{\"creates_per_second\":5}");

        Map<Integer, Long> statuses = race(i -> Orders.body(Orders.newShopOrderNo(), 100, Orders.newOpenid()));

        assertThat(statuses).isEqualTo(Map.of(201, 5L, 429, 11L));
        assertThat(jdbc.sql("select count(*) from orders where shop_id = ?")
                        .param(shop.signer().shopId())
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    /** Sends the bodies from 16 threads released together, alternating between the two instances. */
    private Map<Integer, Long> race(IntFunction<String> body) {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                ShopClient client = i % 2 == 0 ? shop : shopOnReplica;
                String json = body.apply(i);
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return client.post("/v1/orders", json).status();
                        },
                        pool));
            }
            return calls.stream()
                    .map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        } finally {
            pool.shutdown();
        }
    }

    private long ordersOf(String payer) {
        return jdbc.sql("select count(*) from orders where shop_id = ? and payer_openid = ?")
                .params(shop.signer().shopId(), payer)
                .query(Long.class)
                .single();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int replicaPort() {
        return Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /**
     * A second instance on the same database and broker, with the test's clock. It neither consumes nor
     * relays (the first instance's relay publishes its outbox rows), so it does not disturb other tests.
     */
    private static ConfigurableApplicationContext startReplica(Environment first, Clock clock) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + first.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + first.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=" + first.getRequiredProperty("spring.datasource.password"),
                "--spring.cloud.stream.kafka.binder.brokers=" + TestKafka.bootstrapServers(),
                "--server.port=0",
                "--orderflow.shops.secret-encryption-key=" + OrderServiceTest.ENCRYPTION_KEY,
                "--orderflow.webhooks.master-key=" + OrderServiceTest.WEBHOOK_MASTER_KEY,
                "--orderflow.outbox.relay-enabled=false"));
        for (String binding : List.of("paymentEvents", "notifyEvents", "reconcileEvents")) {
            args.add("--spring.cloud.stream.bindings." + binding + "-in-0.consumer.auto-startup=false");
        }
        return new SpringApplicationBuilder(OrderServiceApplication.class)
                .initializers(context ->
                        ((GenericApplicationContext) context).registerBean("clock", Clock.class, () -> clock))
                .run(args.toArray(String[]::new));
    }
}
