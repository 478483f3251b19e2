package io.orderflow.systemtest;

import io.orderflow.platform.test.PostgresServerProcess;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestPostgres;
import io.orderflow.platform.test.TestWechatPay;
import io.orderflow.process.FreePorts;
import io.orderflow.process.ServiceProcess;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.WechatPaySimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * orderflow as it runs for real, on one machine: the four services as OS processes from their jars, each with its own database on the shared PostgreSQL, one Kafka
 * broker, and the WeChat Pay simulator (in this JVM, over HTTP with signatures on) calling
 * notify-service back.
 */
final class OrderflowSystem implements AutoCloseable {

    static final String ADMIN_TOKEN = "system-test-admin-token";
    /** 32 zero bytes: a test-only shop-secret encryption key. */
    static final String SHOP_SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    /** Test-only master key of webhook secrets (order-service and notify-service share it). */
    static final String WEBHOOK_MASTER_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32
    });

    final RunningSimulator simulator;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Path logs;

    private final String bootstrapServers;

    private final boolean ownDatabases;
    private final Map<String, PostgresServerProcess> databaseServers = new LinkedHashMap<>();
    private final Map<String, TestPostgres.Database> databases = new LinkedHashMap<>();

    private OrderflowSystem(RunningSimulator simulator, Path logs, String bootstrapServers, boolean ownDatabases) {
        this.simulator = simulator;
        this.logs = logs;
        this.bootstrapServers = bootstrapServers;
        this.ownDatabases = ownDatabases;
    }

    /** The service's own PostgreSQL server (systems started with {@link #startWithOwnDatabases}). */
    PostgresServerProcess databaseServer(String service) {
        PostgresServerProcess server = databaseServers.get(service);
        if (server == null) {
            throw new IllegalStateException(service + " uses the shared PostgreSQL server");
        }
        return server;
    }

    /** The service's own database, for a test that must act on it directly (hold a row lock). */
    TestPostgres.Database database(String service) {
        return databases.get(service);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    static OrderflowSystem start(String name) {
        return start(name, TestKafka.bootstrapServers());
    }

    /** The system on the given broker (a {@code KafkaBrokerProcess} when a test must kill it). */
    static OrderflowSystem start(String name, String bootstrapServers) {
        return start(name, bootstrapServers, false, Map.of());
    }

    /**
     * The system on the given broker, with some services' settings replaced (service name → property →
     * value): a benchmark puts back the production schedules the tests shorten.
     */
    static OrderflowSystem start(String name, String bootstrapServers, Map<String, Map<String, String>> overrides) {
        return start(name, bootstrapServers, false, overrides);
    }

    /**
     * The system with a PostgreSQL server of its own per service, as in production (each service its own
     * database cluster), so that one service's database can crash and restart while the others go on.
     */
    static OrderflowSystem startWithOwnDatabases(String name) {
        return start(name, TestKafka.bootstrapServers(), true, Map.of());
    }

    private static OrderflowSystem start(
            String name, String bootstrapServers, boolean ownDatabases, Map<String, Map<String, String>> overrides) {
        RunningSimulator simulator = WechatPaySimulator.start(
                TestWechatPay.settings().timeScale(0.001).property("simulator.refund-delay", "200ms"));
        OrderflowSystem system = new OrderflowSystem(simulator, logDirectory(), bootstrapServers, ownDatabases);
        int notifyPort = FreePorts.next();
        String notifyBase = "http://127.0.0.1:" + notifyPort;
        Map<String, String> merchant = TestMerchant.properties(simulator.baseUrl(), notifyBase);
        Map<String, String> order = new HashMap<>(Map.of(
                "orderflow.shops.secret-encryption-key",
                SHOP_SECRET_KEY,
                "orderflow.admin.token",
                ADMIN_TOKEN,
                // expiry races within seconds (the simulator, like WeChat, keeps an order payable for a minute)
                "orderflow.orders.min-expire-in",
                "3s"));
        // the merchant's ids (no keys): shops can be registered only for a merchant orderflow acts for
        order.put("orderflow.webhooks.master-key", WEBHOOK_MASTER_KEY);
        // the shop API's delivery log reads notify-service's operator API
        order.put("orderflow.webhooks.log.url", notifyBase);
        order.put("orderflow.webhooks.log.token", ADMIN_TOKEN);
        order.put("orderflow.wechatpay.merchants[0].mchid", TestMerchant.MCHID);
        order.put("orderflow.wechatpay.merchants[0].appids[0]", TestMerchant.APPID);
        system.add("order-service", FreePorts.next(), name, order);
        system.add("payment-service", FreePorts.next(), name, merchant);
        Map<String, String> notify = new HashMap<>(merchant);
        // a forgery scenario sends one forged callback per payment: a handful makes a burst, and its forgeries
        // stay one burst (one alert, asserted exactly) however slowly a loaded machine runs the scenario
        notify.put("orderflow.risk.callback-failures.threshold", "5");
        notify.put("orderflow.webhooks.master-key", WEBHOOK_MASTER_KEY);
        // the operator API, which order-service's shop API reads the delivery log from
        notify.put("orderflow.admin.token", ADMIN_TOKEN);
        notify.put("orderflow.risk.callback-failures.window", "10m");
        system.add("notify-service", notifyPort, name, notify);
        Map<String, String> reconcile = new HashMap<>(merchant);
        // active queries within seconds, so that a lost callback is repaired while the test waits
        reconcile.put("orderflow.reconcile.query.steps", "1s,2s");
        reconcile.put("orderflow.reconcile.query.then-every", "2s");
        reconcile.put("orderflow.reconcile.worker.poll-interval", "200ms");
        reconcile.put("orderflow.reconcile.worker.initial-backoff", "500ms");
        reconcile.put("orderflow.reconcile.worker.max-backoff", "2s");
        system.add("reconcile-service", FreePorts.next(), name, reconcile);
        overrides.forEach((service, properties) ->
                system.services.put(service, system.services.get(service).with(properties)));
        try {
            system.services.values().forEach(ServiceProcess::start);
            system.services.values().forEach(service -> service.awaitReady(Duration.ofSeconds(120)));
        } catch (RuntimeException e) {
            // a test class whose start-up failed never closes the system: leave no service running behind it
            system.close();
            throw e;
        }
        return system;
    }

    private void add(String service, int port, String name, Map<String, String> specific) {
        String databaseName = name + "_" + service.replace("-service", "");
        TestPostgres.Database database;
        if (ownDatabases) {
            PostgresServerProcess server = PostgresServerProcess.start();
            databaseServers.put(service, server);
            database = server.database(databaseName);
        } else {
            database = TestPostgres.database(databaseName);
        }
        databases.put(service, database);
        Map<String, String> properties = new HashMap<>(specific);
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.cloud.stream.kafka.binder.brokers", bootstrapServers);
        Path jar = repositoryRoot().resolve(service).resolve("target").resolve(service + ".jar");
        services.put(
                service,
                new ServiceProcess(new ServiceProcess.Settings(
                        service, jar, port, FreePorts.next(), jvmOptions(), properties, logs)));
    }

    /** Starts one more instance of a running service, sharing its database: replicas as Kubernetes would run them. */
    ServiceProcess addReplica(String service) {
        String replicaName = service + "-"
                + (services.keySet().stream().filter(n -> n.startsWith(service)).count() + 1);
        ServiceProcess replica = service(service).replica(replicaName, FreePorts.next(), FreePorts.next());
        services.put(replicaName, replica);
        return replica.start().awaitReady(Duration.ofSeconds(120));
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    ShopClient newShop(String name) {
        return ShopClient.create(
                service("order-service").baseUrl(), ADMIN_TOKEN, name, TestMerchant.MCHID, TestMerchant.APPID);
    }

    /** The payer tries to pay; WeChat may refuse (the order closed meanwhile). Returns WeChat's answer. */
    HttpResponse<String> tryPay(String orderId) {
        return Http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/v1/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"mchid\":\"" + TestMerchant.MCHID + "\",\"out_trade_no\":\"" + orderId + "\"}"))
                .build());
    }

    /** The payer pays the order at WeChat (the simulator's control API, as the pay sheet would). */
    void pay(String orderId) {
        HttpResponse<String> paid =
                Http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/v1/payments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"mchid\":\"" + TestMerchant.MCHID + "\",\"out_trade_no\":\"" + orderId + "\"}"))
                        .build());
        if (paid.statusCode() / 100 != 2) {
            throw new IllegalStateException("pay " + orderId + ": " + paid.statusCode() + " " + paid.body());
        }
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::stop);
        simulator.close();
        databaseServers.values().forEach(PostgresServerProcess::close);
    }

    /**
     * The services' JVM options: small and quick to start for tests (C1 only); a benchmark sets
     * {@code -Dorderflow.system.jvm-options} to run them as production would.
     */
    static List<String> jvmOptions() {
        return List.of(System.getProperty(
                        "orderflow.system.jvm-options", "-Xmx384m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
                .trim()
                .split("\\s+"));
    }

    /** Surefire runs in system-tests/, exec:java where Maven was started: find the checkout either way. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("order-service")) && Files.isDirectory(dir.resolve("system-tests"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the orderflow checkout");
    }

    private static Path logDirectory() {
        try {
            return Files.createDirectories(Path.of("target", "system-test-logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
