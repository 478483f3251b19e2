package io.orderflow.systemtest;

import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestPostgres;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.SimulatorSettings;
import io.orderflow.simulator.WechatPaySimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * orderflow as it runs for real, on one machine: order-, payment- and notify-service as OS
 * processes from their jars, each with its own database on the shared PostgreSQL, one Kafka
 * broker, and the WeChat Pay simulator (in this JVM, over HTTP with signatures on) calling
 * notify-service back.
 */
final class OrderflowSystem implements AutoCloseable {

    static final String ADMIN_TOKEN = "system-test-admin-token";
    /** 32 zero bytes: a test-only shop-secret encryption key. */
    static final String SHOP_SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    final RunningSimulator simulator;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Path logs;

    private OrderflowSystem(RunningSimulator simulator, Path logs) {
        this.simulator = simulator;
        this.logs = logs;
    }

    static OrderflowSystem start(String name) {
        RunningSimulator simulator = WechatPaySimulator.start(SimulatorSettings.defaults()
                .timeScale(0.001)
                .property("simulator.refund-delay", "200ms")
                .merchant(TestMerchant.MCHID, List.of(TestMerchant.APPID), TestMerchant.MERCHANT_SERIAL,
                        TestMerchant.merchantPublicKey().toString(), TestMerchant.API_V3_KEY)
                .wechatPayKey(TestMerchant.wechatPayPrivateKey().toString(), TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID,
                        TestMerchant.wechatPayCertificate().toString()));
        OrderflowSystem system = new OrderflowSystem(simulator, logDirectory());
        int notifyPort = freePort();
        String notifyBase = "http://127.0.0.1:" + notifyPort;
        Map<String, String> merchant = TestMerchant.properties(simulator.baseUrl(), notifyBase);
        Map<String, String> order = new HashMap<>(Map.of("orderflow.shops.secret-encryption-key", SHOP_SECRET_KEY,
                "orderflow.admin.token", ADMIN_TOKEN));
        system.add("order-service", freePort(), name, order);
        system.add("payment-service", freePort(), name, merchant);
        system.add("notify-service", notifyPort, name, merchant);
        system.services.values().forEach(ServiceProcess::start);
        system.services.values().forEach(service -> service.awaitReady(Duration.ofSeconds(120)));
        return system;
    }

    private void add(String service, int port, String name, Map<String, String> specific) {
        TestPostgres.Database database = TestPostgres.database(name + "_" + service.replace("-service", ""));
        Map<String, String> properties = new HashMap<>(specific);
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.bootstrapServers());
        Path jar = repositoryRoot().resolve(service).resolve("target").resolve(service + ".jar");
        services.put(service, new ServiceProcess(service, jar, port, properties, logs));
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    ShopClient newShop(String name) {
        return ShopClient.create(service("order-service").baseUrl(), ADMIN_TOKEN, name, TestMerchant.MCHID, TestMerchant.APPID);
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::stop);
        simulator.close();
    }

    /** Surefire runs in system-tests/, exec:java where Maven was started: find the checkout either way. */
    private static Path repositoryRoot() {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
