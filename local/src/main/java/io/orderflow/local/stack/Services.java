package io.orderflow.local.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The four services as processes, each with its own database, wired to the broker and to WeChat Pay. */
final class Services {

    static final List<String> NAMES = List.of("order-service", "payment-service", "notify-service",
            "reconcile-service");

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    private final Path jars;

    /** {@code jars}: where the jars that run are copied to. */
    Services(StackSettings settings, Ports ports, Infrastructure infrastructure, Path jars) {
        this.jars = jars;
        String notifyBase = "http://127.0.0.1:" + ports.of("notify");
        Map<String, String> merchant = settings.usesSimulator()
                ? infrastructure.keys.merchantProperties(infrastructure.simulator.baseUrl(), notifyBase)
                : wechatPayConfig(settings.wechatPayConfig());
        // the merchants' ids, no key: order-service refuses shops of merchants orderflow has no keys for
        Map<String, String> order = new LinkedHashMap<>();
        merchant.forEach((key, value) -> {
            if (key.matches("orderflow\\.wechatpay\\.merchants\\[\\d+]\\.(mchid|appids\\[\\d+])")) {
                order.put(key, value);
            }
        });
        // short expiries make the demo's CLOSED visible within minutes; the default stays 30 minutes
        order.put("orderflow.orders.min-expire-in", "5s");
        Map<String, String> reconcile = new LinkedHashMap<>(merchant);
        // the first active query after 15 s instead of 1 min, so a lost callback is repaired during the tour
        reconcile.put("orderflow.reconcile.query.steps", "15s,1m,5m,15m,1h");
        add(settings, ports, infrastructure, "order-service", "order", order);
        add(settings, ports, infrastructure, "payment-service", "payment", merchant);
        add(settings, ports, infrastructure, "notify-service", "notify", merchant);
        add(settings, ports, infrastructure, "reconcile-service", "reconcile", reconcile);
    }

    private void add(StackSettings settings, Ports ports, Infrastructure infrastructure, String name, String shortName,
            Map<String, String> specific) {
        LocalPostgres.Database database = infrastructure.postgres.database("orderflow_" + shortName);
        Map<String, String> properties = new LinkedHashMap<>(specific);
        // application-local.yml: the development admin token (order-service's admin path, reconcile-service's
        // operator API) and shop-secret key, never for deployments; the database settings come from here
        properties.put("spring.profiles.active", "local");
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrap);
        Path jar = snapshot(settings.repository().resolve(name).resolve("target").resolve(name + ".jar"), jars);
        processes.put(name, new ServiceProcess(name, jar, ports.of(shortName), ports.of(shortName + "-management"),
                properties, settings.logDirectory()));
    }

    /**
     * A copy of the service's jar to run: a rebuild while the stack runs rewrites target/*.jar, and a JVM
     * whose jar changes under it fails to load its next class.
     */
    private static Path snapshot(Path jar, Path directory) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./orderflow-local builds what it needs)");
        }
        try {
            Files.createDirectories(directory);
            return Files.copy(jar, directory.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar, e);
        }
    }

    /** Starts all four at once: they find each other through Kafka, so no order is needed. */
    void launch() {
        processes.values().forEach(ServiceProcess::start);
    }

    /** Waits until each answers its readiness probe; fails when one exits. */
    void awaitReady(Duration atMost) throws InterruptedException {
        for (ServiceProcess process : processes.values()) {
            process.awaitReady(atMost);
        }
    }

    ServiceProcess get(String name) {
        return processes.get(name);
    }

    List<ServiceProcess> all() {
        return new ArrayList<>(processes.values());
    }

    /** SIGTERM to all first, so they shut down in parallel, then wait for each. */
    void stop() {
        processes.values().forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : processes.values()) {
            try {
                process.stop(Duration.ofSeconds(45));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Real WeChat Pay: the {@code orderflow.wechatpay.*} entries of the file, given to the services as they are. */
    static Map<String, String> wechatPayConfig(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> merchant = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("orderflow.wechatpay."))
                .sorted().forEach(name -> merchant.put(name, properties.getProperty(name)));
        return merchant;
    }
}
