package io.orderflow.systemtest;

import io.orderflow.platform.test.KafkaBrokerProcess;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestPostgres;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * End-to-end load: the four services as processes (production-like JVM options), a Kafka broker
 * and PostgreSQL as processes of their own, the simulator in this JVM paying every prepaid order
 * at once and calling notify-service back, and a closed loop of shop clients. After a warm-up it
 * measures a window: orders created and reaching SUCCESS per second, the backlog, per-stage
 * latencies, CPU-seconds per order of every process; after the drain, the same processes idle;
 * then, in this JVM, the cryptography floor ({@link CryptoFloor}). Writes
 * {@code system-tests/target/benchmark/e2e-report.txt} and {@code e2e-chart.png}.
 *
 * <p>Not a test (run by hand; see docs/performance.md for the command, which forks a JVM with the test
 * class path because the broker process is started from {@code java.class.path}). Arguments: clients,
 * window seconds, warm-up seconds; or system properties {@code load.clients}, {@code load.window},
 * {@code load.warmup}, and {@code load.idle}, {@code load.drain}, {@code load.crypto-seconds}.
 */
public final class EndToEndThroughputBenchmark {

    static final String JVM_OPTIONS_PROPERTY = "orderflow.system.jvm-options";
    /** Like a container with a 512 MB heap cap: C2 on (no TieredStopAtLevel), serial GC for 2 cores. */
    static final String PRODUCTION_LIKE = "-Xms256m -Xmx512m -XX:+UseSerialGC -Xss512k";

    /** The run's settings. */
    record Settings(int clients, int idleSeconds, int warmupSeconds, int windowSeconds, int drainSeconds,
                    double cryptoSeconds) {
        static Settings from(String[] args) {
            return new Settings(arg(args, 0, "load.clients", 16), Integer.getInteger("load.idle", 10),
                    arg(args, 2, "load.warmup", 30), arg(args, 1, "load.window", 60), Integer.getInteger("load.drain", 60),
                    Double.parseDouble(System.getProperty("load.crypto-seconds", "2")));
        }

        private static int arg(String[] args, int index, String property, int fallback) {
            return args.length > index ? Integer.parseInt(args[index]) : Integer.getInteger(property, fallback);
        }
    }

    private EndToEndThroughputBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // before OrderflowSystem loads ServiceProcess, which reads it once
        if (System.getProperty(JVM_OPTIONS_PROPERTY) == null) {
            System.setProperty(JVM_OPTIONS_PROPERTY, PRODUCTION_LIKE);
        }
        int status = 0;
        try {
            run(Settings.from(args));
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
    private static final Map<String, Map<String, String>> PRODUCTION_SCHEDULES = Map.of("reconcile-service", Map.of(
            "orderflow.reconcile.query.steps", "1m,5m,15m,1h", "orderflow.reconcile.query.then-every", "1h",
            "orderflow.reconcile.worker.poll-interval", "500ms", "orderflow.reconcile.worker.initial-backoff", "1s",
            "orderflow.reconcile.worker.max-backoff", "60s"));

    private static void run(Settings settings) throws Exception {
        String name = "load" + System.currentTimeMillis() % 100000;
        String loadBefore = LoadCpu.loadAverage();
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start();
             OrderflowSystem system = OrderflowSystem.start(name, broker.bootstrapServers(), PRODUCTION_SCHEDULES)) {
            LoadTimeline timeline = new LoadTimeline();
            autoPay(system);
            notePayments(system, timeline);
            List<ShopClient> shops = IntStream.range(0, settings.clients())
                    .mapToObj(i -> system.newShop("load shop " + i)).toList();
            LoadCpu processes = processes(system, name);
            LoadThreadCpu threads = new LoadThreadCpu(threadGroups());
            Map<String, ServiceProcess> callers = Map.of("payment-service", system.service("payment-service"),
                    "reconcile-service", system.service("reconcile-service"));
            LoadWindow idle = new LoadWindow(processes, threads, callers);
            LoadWindow window = new LoadWindow(processes, threads, callers);
            long loadStart;
            try (LoadStatusWatcher watcher = new LoadStatusWatcher(broker.bootstrapServers(), timeline).start()) {
                LoadDriver driver = new LoadDriver(shops, timeline);
                loadStart = measure(settings, driver, window, threads);
                driver.stop();
                drain(timeline, settings.drainSeconds());
            }
            long loadEnd = LoadTimeline.now();
            idle(settings, idle);
            var costs = CryptoFloor.measure(Duration.ofMillis((long) (settings.cryptoSeconds() * 500)),
                    Duration.ofMillis((long) (settings.cryptoSeconds() * 1000)));
            LoadReport report = new LoadReport(settings, timeline, idle, window, costs, system.simulator.ledger(),
                    loadStart, loadEnd, loadBefore, System.getProperty(JVM_OPTIONS_PROPERTY));
            write(report);
        }
    }

    /**
     * Warm-up, then the window, paced by a sampler that ticks every half second (and samples thread
     * CPU); phases start by elapsed time, so a late tick only delays the next boundary a little.
     * Answers when the load started.
     */
    private static long measure(Settings settings, LoadDriver driver, LoadWindow window, LoadThreadCpu threads)
            throws Exception {
        ScheduledExecutorService sampler = sampler();
        CompletableFuture<Long> ended = new CompletableFuture<>();
        long loadStart = LoadTimeline.now();
        driver.start();
        sampler.scheduleAtFixedRate(() -> {
            if (ended.isDone()) {
                return;
            }
            try {
                threads.sample();
                long now = LoadTimeline.now();
                if (window.startMicros == 0 && now - loadStart >= settings.warmupSeconds() * 1_000_000L) {
                    window.begin();
                } else if (window.startMicros != 0 && now - window.startMicros >= settings.windowSeconds() * 1_000_000L) {
                    window.end();
                    ended.complete(loadStart);
                }
            } catch (RuntimeException e) {
                ended.completeExceptionally(e);
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
        try {
            return ended.get(settings.warmupSeconds() + settings.windowSeconds() + 120L, TimeUnit.SECONDS);
        } finally {
            sampler.shutdownNow();
        }
    }

    /** The system with no load at all, warmed up (after the drain): what its pollers and housekeeping cost. */
    private static void idle(Settings settings, LoadWindow idle) throws Exception {
        ScheduledExecutorService sampler = sampler();
        try {
            idle.begin();
            sampler.schedule(idle::end, settings.idleSeconds(), TimeUnit.SECONDS).get();
        } finally {
            sampler.shutdownNow();
        }
    }

    private static ScheduledExecutorService sampler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-sampler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits until every created order has reached SUCCESS, or the drain time is up. */
    private static void drain(LoadTimeline timeline, int seconds) {
        try {
            Awaitility.await("every created order SUCCESS").atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> timeline.backlogAt(Long.MAX_VALUE) == 0);
        } catch (ConditionTimeoutException e) {
            System.out.println("drain: " + timeline.backlogAt(Long.MAX_VALUE) + " orders still not SUCCESS after "
                    + seconds + " s (reported as such)");
        }
    }

    private static LoadCpu processes(OrderflowSystem system, String name) throws SQLException {
        LoadCpu cpu = new LoadCpu();
        system.services.forEach((service, process) -> cpu.process(service, process.handle().pid()));
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

    /** The simulator's threads (its Tomcat, the only web server in this JVM, and its timers), the load's own, the rest. */
    private static Function<String, String> threadGroups() {
        return thread -> {
            if (thread.startsWith("simulator-") || thread.startsWith("http-nio-")) {
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
        var answer = ServiceProcess.send(HttpRequest.newBuilder(URI.create(system.simulator.baseUrl() + "/sim/v1/auto-payer"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"share\":1.0,\"delay_ms\":0,\"mchid\":\"" + TestMerchant.MCHID + "\"}")).build());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("auto-payer not set: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static void write(LoadReport report) throws Exception {
        Path directory = outputDirectory();
        Files.createDirectories(directory);
        String text = report.text();
        Files.writeString(directory.resolve("e2e-report.txt"), text);
        LoadChart.write(report, directory.resolve("e2e-chart.png"));
        System.out.println(text);
        System.out.println("written: " + directory.resolve("e2e-report.txt") + ", " + directory.resolve("e2e-chart.png"));
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
