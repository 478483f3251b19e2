package io.orderflow.systemtest;

import io.orderflow.platform.test.KafkaBrokerProcess;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestPostgres;
import io.orderflow.process.ServiceProcess;
import io.orderflow.simulator.ledger.TradeEvents;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * End-to-end load: the four services as processes (production-like JVM options), a Kafka broker
 * and PostgreSQL as processes of their own, the simulator in this JVM paying every prepaid order
 * at once and calling notify-service back, and shop clients in a closed loop or, with
 * {@code load.rate}, an open loop at a fixed rate. After a warm-up it measures a window: orders
 * created and reaching SUCCESS per second, the backlog, per-stage latencies, CPU-seconds per order of
 * every process (the server side apart from the simulator and the clients), whether the window's two
 * halves agree (steady state); after the drain, the same processes idle; then, in this JVM, the
 * cryptography floor ({@link CryptoFloor}). Writes {@code system-tests/target/benchmark/e2e-report.txt}
 * and {@code e2e-chart.png}.
 *
 * <p>Not a test (run by hand; see docs/performance.md for the command, which forks a JVM with the test
 * class path because the broker process is started from {@code java.class.path}). Arguments: clients,
 * window seconds, warm-up seconds; the other settings are system properties ({@link LoadSettings}).
 */
public final class EndToEndThroughputBenchmark {

    static final String JVM_OPTIONS_PROPERTY = "orderflow.system.jvm-options";
    /** Like a container with a 512 MB heap cap: C2 on (no TieredStopAtLevel), serial GC for 2 cores. */
    static final String PRODUCTION_LIKE = "-Xms256m -Xmx512m -XX:+UseSerialGC -Xss512k";
    /** Round trips per round of the hand-off yardstick (about a second each on a virtual machine). */
    private static final int HAND_OFFS = 50_000;

    private EndToEndThroughputBenchmark() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // OrderflowSystem reads it when it adds the services
        if (System.getProperty(JVM_OPTIONS_PROPERTY) == null) {
            System.setProperty(JVM_OPTIONS_PROPERTY, PRODUCTION_LIKE);
        }
        int status = 0;
        try {
            run(LoadSettings.from(args));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            // the simulator and the Kafka clients keep non-daemon threads
            System.exit(status);
        }
    }

    /**
     * reconcile-service's active queries as shipped (the first a minute after the pay params), not the tests'
     * one second: otherwise nearly every order is queried once within the run, which production does not do.
     */
    private static final Map<String, Map<String, String>> PRODUCTION_SCHEDULES = Map.of(
            "reconcile-service",
            Map.of(
                    "orderflow.reconcile.query.steps",
                    "1m,5m,15m,1h",
                    "orderflow.reconcile.query.then-every",
                    "1h",
                    "orderflow.reconcile.worker.poll-interval",
                    "5s",
                    "orderflow.reconcile.worker.initial-backoff",
                    "1s",
                    "orderflow.reconcile.worker.max-backoff",
                    "60s"));

    private static void run(LoadSettings settings) throws Exception {
        String name = "load" + System.currentTimeMillis() % 100000;
        String loadBefore = LoadCpu.loadAverage();
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start();
                OrderflowSystem system = OrderflowSystem.start(name, broker.bootstrapServers(), overrides(settings))) {
            String tracing = LoadTracing.describe(LoadTracing.read(system.services));
            LoadTimeline timeline = new LoadTimeline();
            autoPay(system);
            notePayments(system, timeline);
            List<ShopClient> shops = IntStream.range(0, settings.clients())
                    .mapToObj(i -> system.newShop("load shop " + i))
                    .toList();
            LoadCpu processes = processes(system, name);
            LoadThreadCpu threads = new LoadThreadCpu(threadGroups());
            Map<String, ServiceProcess> callers = Map.of(
                    "payment-service",
                    system.service("payment-service"),
                    "reconcile-service",
                    system.service("reconcile-service"));
            LoadWindow idle = new LoadWindow(processes, threads, callers);
            LoadWindow window = new LoadWindow(processes, threads, callers);
            LoadStatements statements = new LoadStatements();
            long loadStart;
            try (LoadStatusWatcher watcher = new LoadStatusWatcher(broker.bootstrapServers(), timeline).start()) {
                LoadGenerator load = generator(settings, shops, timeline);
                loadStart = LoadPhases.measure(settings, load, window, threads, statements);
                load.stop();
                LoadPhases.drain(timeline, settings.drainSeconds());
            }
            long loadEnd = LoadTimeline.now();
            LoadPhases.idle(settings, idle);
            var costs = CryptoFloor.measure(
                    Duration.ofMillis((long) (settings.cryptoSeconds() * 500)),
                    Duration.ofMillis((long) (settings.cryptoSeconds() * 1000)));
            LoadHandOff.Cost handOff = LoadHandOff.measure(HAND_OFFS);
            LoadReport report = new LoadReport(
                    settings,
                    timeline,
                    idle,
                    window,
                    costs,
                    system.simulator.ledger(),
                    loadStart,
                    loadEnd,
                    new LoadReport.RunFacts(loadBefore, System.getProperty(JVM_OPTIONS_PROPERTY), tracing, java()));
            write(report, statements, handOff);
        }
    }

    /** The closed loop (a client per shop), or at {@code load.rate} the open loop (the shops in turn). */
    private static LoadGenerator generator(LoadSettings settings, List<ShopClient> shops, LoadTimeline timeline) {
        if (!settings.openLoop()) {
            return new LoadDriver(shops, timeline);
        }
        return new OpenLoopDriver(
                timeline,
                settings.rate(),
                settings.openThreads(),
                (n, scheduled) -> LoadDriver.create(shops.get((int) (n % shops.size())), timeline, scheduled));
    }

    /** Production schedules, the services' environment readable (for the tracing sampling), and the sampling if set. */
    private static Map<String, Map<String, String>> overrides(LoadSettings settings) {
        Map<String, Map<String, String>> overrides = new HashMap<>();
        for (String service : List.of("order-service", "payment-service", "notify-service", "reconcile-service")) {
            Map<String, String> properties = new HashMap<>(LoadTracing.serviceProperties(settings.tracingSampling()));
            properties.putAll(PRODUCTION_SCHEDULES.getOrDefault(service, Map.of()));
            overrides.put(service, properties);
        }
        return overrides;
    }

    /** This JVM's runtime: the services and the broker are started with the same java (java.home). */
    private static String java() {
        return "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vm.vendor") + ") for the services, the broker and the benchmark JVM";
    }

    private static LoadCpu processes(OrderflowSystem system, String name) throws SQLException {
        LoadCpu cpu = new LoadCpu();
        system.services.forEach(
                (service, process) -> cpu.process(service, process.handle().pid()));
        cpu.process("kafka broker", LoadCpu.child("kafka.Kafka").orElseThrow());
        cpu.postgres("postgresql", postmaster(name));
        cpu.process(LoadReport.BENCHMARK_JVM, ProcessHandle.current().pid());
        return cpu;
    }

    /** The PostgreSQL server's postmaster: the parent of any backend, here the one serving this query. */
    private static long postmaster(String name) throws SQLException {
        try (Connection connection = TestPostgres.database(name + "_order").connect();
                Statement statement = connection.createStatement();
                ResultSet backend = statement.executeQuery("select pg_backend_pid()")) {
            backend.next();
            return LoadCpu.parent(backend.getLong(1));
        }
    }

    /** The simulator's threads (its Jetty's simulator-http-*, the only web server in this JVM, and its timers), the load's own, the rest. */
    private static Function<String, String> threadGroups() {
        return thread -> {
            if (thread.startsWith("simulator-")) {
                return LoadReport.SIMULATOR_THREADS;
            }
            if (thread.startsWith("load-")) {
                return LoadReport.LOAD_THREADS;
            }
            if (thread.startsWith("HttpClient-")) {
                return LoadReport.HTTP_CLIENT_THREADS;
            }
            return LoadReport.OTHER_THREADS;
        };
    }

    /** Notes when the simulator marks each order paid: the callback is dispatched from there at once. */
    private static void notePayments(OrderflowSystem system, LoadTimeline timeline) {
        system.simulator.context().addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof TradeEvents.OrderPaid paid) {
                timeline.paid(paid.order().outTradeNo(), LoadTimeline.now());
            }
        });
    }

    private static void autoPay(OrderflowSystem system) {
        var answer = Http.send(HttpRequest.newBuilder(URI.create(system.simulator.baseUrl() + "/sim/v1/auto-payer"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"share\":1.0,\"delay_ms\":0,\"mchid\":\"" + TestMerchant.MCHID + "\"}"))
                .build());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("auto-payer not set: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static void write(LoadReport report, LoadStatements statements, LoadHandOff.Cost handOff) throws Exception {
        Path directory = outputDirectory();
        Files.createDirectories(directory);
        String text = report.text() + LoadHandOff.text(handOff, report) + statements.text(report.completedInWindow);
        Files.writeString(directory.resolve("e2e-report.txt"), text);
        LoadChart.write(report, directory.resolve("e2e-chart.png"));
        System.out.println(text);
        System.out.println(
                "written: " + directory.resolve("e2e-report.txt") + ", " + directory.resolve("e2e-chart.png"));
        // a run without completions is a failed run, not a report of infinite CPU per order
        var reason = LoadReportSummary.voidReason(report.createdInWindow, report.completedInWindow);
        if (reason.isPresent()) {
            throw new IllegalStateException(reason.get());
        }
    }

    /** system-tests/target/benchmark, whether started in the checkout's root or in system-tests. */
    private static Path outputDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("system-tests").resolve("src"))) {
                return dir.resolve("system-tests").resolve("target").resolve("benchmark");
            }
            if (dir.getFileName() != null && dir.getFileName().toString().equals("system-tests")) {
                return dir.resolve("target").resolve("benchmark");
            }
        }
        return Path.of("target", "benchmark");
    }
}
