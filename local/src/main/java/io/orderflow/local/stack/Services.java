package io.orderflow.local.stack;

import io.orderflow.process.ServiceProcess;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The four services as processes, each with its own database, wired to the broker and to WeChat Pay. */
final class Services {

    static final List<String> NAMES =
            List.of("order-service", "payment-service", "notify-service", "reconcile-service");

    /**
     * Settings for one replica of each service on a developer's machine, never for deployments (ADR 0021): what
     * keeps an idle stack quiet and small without changing what the services do.
     */
    static final Map<String, String> LOCAL_FOOTPRINT = localFootprint();

    /**
     * A small heap that grows when needed (it starts at 1/64 of the machine's memory otherwise, all of it touched
     * during start-up), small thread stacks, the client compiler only (a developer's stack is not under load), no
     * perf data file (its sampler wakes every 50 ms), and the JVM's monitor deflation thread looking every 10 s
     * whether idle monitors should be deflated instead of every 250 ms (4 wake-ups a second per idle JVM; under a
     * developer's load a few more inflated monitors live a little longer).
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m",
            "-Xmx384m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:AsyncDeflationInterval=10000");

    /** The launcher's own JDK runs the services. */
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    /** Each service's class-data cache, once its process was prepared. */
    private final Map<String, ClassDataCache> classData = new ConcurrentHashMap<>();

    private final Path cache;

    /**
     * {@code cache}: where each service's jar is extracted and its class-data archive kept between runs (a rebuild
     * while the stack runs rewrites target/*.jar, not what the running JVMs load).
     */
    Services(StackSettings settings, Ports ports, Infrastructure infrastructure, Path cache) {
        this.cache = cache;
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
        // the shop API's delivery log reads notify-service's operator API (its local token, application-local.yml)
        order.put("orderflow.webhooks.log.url", notifyBase);
        Map<String, String> reconcile = new LinkedHashMap<>(merchant);
        // the first active query after 15 s instead of 1 min, so a lost callback is repaired during the tour
        reconcile.put("orderflow.reconcile.query.steps", "15s,1m,5m,15m,1h");
        add(settings, ports, infrastructure, "order-service", "order", order);
        add(settings, ports, infrastructure, "payment-service", "payment", merchant);
        add(settings, ports, infrastructure, "notify-service", "notify", merchant);
        add(settings, ports, infrastructure, "reconcile-service", "reconcile", reconcile);
    }

    private void add(
            StackSettings settings,
            Ports ports,
            Infrastructure infrastructure,
            String name,
            String shortName,
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
        properties.putAll(LOCAL_FOOTPRINT);
        Path jar = settings.repository().resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./orderflow-local builds what it needs)");
        }
        Path cacheDirectory = cache.resolve(name);
        processes.put(
                name,
                new ServiceProcess(
                        new ServiceProcess.Settings(
                                name,
                                jar,
                                ports.of(shortName),
                                ports.of(shortName + "-management"),
                                JVM_OPTIONS,
                                properties,
                                settings.logDirectory()),
                        packaged -> {
                            ClassDataCache cache =
                                    ClassDataCache.prepare(packaged.applicationJar(), cacheDirectory, JAVA);
                            classData.put(name, cache);
                            return new ServiceProcess.Launch(cache.applicationJar(), cache.jvmOptions());
                        }));
    }

    /**
     * Starts all four at once: they find each other through Kafka, so no order is needed. The first start of a
     * build extracts the jars first, side by side.
     */
    void launch() {
        processes.values().parallelStream().forEach(ServiceProcess::prepare);
        processes.values().forEach(ServiceProcess::start);
    }

    /** Waits until each answers its readiness probe; fails when one exits. */
    void awaitReady(Duration atMost) {
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
        processes.values().forEach(ServiceProcess::stop);
    }

    /**
     * After {@link #stop()} of a stack that never came up: the archives its first runs wrote at exit hold the classes
     * of a failed start, and the next run writes them again instead (ADR 0021).
     */
    void discardTrainingArchives() {
        classData.values().forEach(ClassDataCache::discardTraining);
    }

    private static Map<String, String> localFootprint() {
        Map<String, String> settings = new LinkedHashMap<>();
        // an idle consumer's fetch waits at the broker until a record arrives or 10 s have passed (Kafka's default
        // is 500 ms); with fetch.min.bytes 1 a record is answered at once, so no event waits longer for it
        settings.put("spring.cloud.stream.kafka.binder.consumer-properties.fetch.max.wait.ms", "10000");
        // and a consumer that closes does not wait for that fetch: it leaves its group and goes (BoundedConsumerClose;
        // without it each binding's stop waited out the 10 s, and a service with three bindings outlasted the
        // launcher's patience before it had written its class-data cache)
        settings.put("orderflow.messaging.close-timeout", "1s");
        // a heartbeat every 15 s instead of 3 s (a third of the 45 s session, as Kafka advises): each heartbeat woke
        // the member's heartbeat thread, its poll thread and two broker threads, about a quarter of the idle stack's
        // wake-ups. A service's bindings share one consumer group and a join stops the whole group until every
        // member's next heartbeat; the local broker waits 3 s after a group's first join for the others
        // (group.initial.rebalance.delay.ms, LocalKafka), so a service's bindings join at start as one
        settings.put("spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms", "15000");
        // an idle listener container's poll returns every 15 s instead of 5 s (records and rebalances end it at
        // once; offsets of applied records are committed when it returns, or at stop)
        settings.put("orderflow.messaging.poll-timeout", "15s");
        // a group member's heartbeat thread wakes every retry.backoff.ms (100 ms) to see whether a heartbeat is due
        // (Kafka's AbstractCoordinator): about 20 consumers woke 200 times a second between their 3 s heartbeats.
        // Every 3 s instead, when a heartbeat is due anyway; the cost is that a failed request (the broker
        // restarting) is retried after 3 s. The maximum is raised with it: below retry.backoff.ms it would be used
        settings.put("spring.cloud.stream.kafka.binder.consumer-properties.retry.backoff.ms", "3000");
        settings.put("spring.cloud.stream.kafka.binder.consumer-properties.retry.backoff.max.ms", "3000");
        // one partition per topic (LocalKafka.PARTITIONS), not the deployments' 6: every binding is one consumer
        settings.put("ORDERFLOW_KAFKA_MIN_PARTITIONS", String.valueOf(LocalKafka.PARTITIONS));
        // reconcile-service's consumers batch in production (64 KiB or 200 ms, ADR 0017); one developer's orders
        // never fill 64 KiB, so here they fetch like the others
        settings.put("ORDERFLOW_RECONCILE_FETCH_MIN_BYTES", "1");
        settings.put("ORDERFLOW_RECONCILE_FETCH_MAX_WAIT_MS", "10000");
        // one replica: every outbox row and due row is written in the JVM that works it, and those commits wake
        // the relay and the workers at once (or at the row's due time); their poll only looks for rows other
        // replicas wrote, and there are none
        settings.put("orderflow.outbox.poll-interval", "30s");
        settings.put("orderflow.outbox.housekeeping-interval", "60s");
        settings.put("orderflow.follow-ups.poll-interval", "30s");
        settings.put("orderflow.payment.worker.poll-interval", "30s");
        settings.put("orderflow.reconcile.worker.poll-interval", "30s");
        settings.put("orderflow.webhooks.poll-interval", "30s");
        // connections and threads on demand: an idle pool keeps one connection (one PostgreSQL backend) instead
        // of its maximum, Tomcat one spare thread instead of ten
        settings.put("spring.datasource.hikari.minimum-idle", "1");
        settings.put("server.tomcat.threads.min-spare", "1");
        // Tomcat's background work (sessions, which these services do not keep) every minute instead of 10 s
        settings.put("server.tomcat.background-processor-delay", "60s");
        // each Tomcat's poller (application and management server) looks for idle keep-alive connections to close
        // every 10 s instead of every second (TomcatHousekeeping)
        settings.put("orderflow.tomcat.selector-timeout", "10s");
        // OpenTelemetry's logs SDK: nothing feeds it (logs go to the files), and its batch processor woke every
        // second in every service. The platform's own exclusion comes first: this setting replaces the list
        settings.put(
                "spring.autoconfigure.exclude",
                String.join(
                        ",",
                        "org.springframework.cloud.function.observability.ObservationAutoConfiguration",
                        "org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
                        "org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration"));
        return java.util.Collections.unmodifiableMap(settings);
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
        properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("orderflow.wechatpay."))
                .sorted()
                .forEach(name -> merchant.put(name, properties.getProperty(name)));
        return merchant;
    }
}
