package io.orderflow.local.stack;

import io.orderflow.local.shop.DemoShop;
import io.orderflow.local.sign.ShopCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The whole local stack, started in dependency order (infrastructure side by side, then the four services
 * side by side, then the demo shop) and closed in reverse. {@link #close()} is idempotent and runs from the
 * launcher's shutdown hook, so Ctrl-C leaves no process behind.
 */
public final class RunningStack implements AutoCloseable {

    private final StackSettings settings;
    private final Path data;
    private final Ports ports;
    private Infrastructure infrastructure;
    private Services services;
    private ConfigurableApplicationContext shop;
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    /** Every part was ready: the archives the stop writes are those of a whole start. */
    private volatile boolean up;

    private RunningStack(StackSettings settings, Path data) {
        this.settings = settings;
        this.data = data;
        this.ports = new Ports(settings);
    }

    /** Starts everything; on failure stops what had started and rethrows. */
    public static RunningStack start(StackSettings settings, PrintStream out) throws InterruptedException {
        RunningStack stack = new RunningStack(settings, dataDirectory(settings));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "orderflow-local-shutdown"));
        try {
            stack.startAll(out);
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            // a Ctrl-C while starting closes the stack under the starting thread, which then fails in odd ways
            boolean stopped = stack.closed;
            stack.close();
            if (stopped) {
                throw new IllegalStateException("stopped while starting", e);
            }
            throw e;
        }
    }

    private void startAll(PrintStream out) throws InterruptedException {
        Instant jvmStart =
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        out.println("orderflow local stack: starting (data " + (settings.keepsData() ? "kept in " + data : "temporary")
                + ", logs in " + settings.logDirectory() + ")");
        // services left without their broker wait out Kafka's close timeouts on SIGTERM; 10 s, then SIGKILL (safe:
        // every service is crash-safe by design, and PostgreSQL is stopped only after them)
        StackProcesses.read(settings.workDirectory())
                .ifPresent(previous -> previous.stopOrphans(out, Duration.ofSeconds(10)));
        synchronized (lifecycle) {
            ensureOpen();
            infrastructure = Infrastructure.start(settings, ports, data);
        }
        out.println("  PostgreSQL, Kafka" + (settings.usesSimulator() ? ", simulator" : "") + " up after "
                + seconds(Duration.between(jvmStart, Instant.now())));
        synchronized (lifecycle) {
            ensureOpen();
            services = new Services(
                    settings, ports, infrastructure, settings.workDirectory().resolve("cache"));
            services.launch();
            // known from now on: a launcher killed while the services start leaves them to the next run to stop
            processes().write(settings.workDirectory());
        }
        // outside the lock: a Ctrl-C now stops the services, and this wait ends with their exit
        services.awaitReady(Duration.ofMinutes(6));
        out.println("  four services ready after " + seconds(Duration.between(jvmStart, Instant.now())));
        ShopCredentials credentials = shopCredentials();
        credentials.write(settings.credentialsFile());
        synchronized (lifecycle) {
            ensureOpen();
            shop = DemoShop.start(
                    ports.of("shop"),
                    Map.of(
                            "demo-shop.order-service-url",
                            credentials.orderServiceUrl(),
                            "demo-shop.shop-id",
                            credentials.shopId(),
                            "demo-shop.shop-secret",
                            credentials.secret(),
                            "demo-shop.kafka-bootstrap",
                            infrastructure.kafkaBootstrap,
                            "demo-shop.simulator-url",
                            settings.usesSimulator() ? infrastructure.simulator.baseUrl() : "",
                            "demo-shop.expire-in",
                            settings.orderExpireIn().toSeconds() + "s",
                            "demo-shop.notify-url",
                            "http://127.0.0.1:" + ports.of("shop") + DemoShop.WEBHOOK_PATH,
                            "spring.main.register-shutdown-hook",
                            "false"));
        }
        Duration startup = Duration.between(jvmStart, Instant.now());
        up = true;
        new StartupReport(settings, ports, infrastructure, services, credentials).print(out, startup);
        synchronized (lifecycle) {
            ensureOpen();
            processes().write(settings.workDirectory());
        }
    }

    /**
     * Each start step runs under {@link #lifecycle}, and so does {@link #close()}: a Ctrl-C during a step waits
     * for it, then stops what it started; the next step sees the stack closed and does not start.
     */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("stopped while starting");
        }
    }

    private ShopCredentials shopCredentials() {
        String mchid = LocalKeys.MCHID;
        String appid = LocalKeys.APPID;
        if (!settings.usesSimulator()) {
            Map<String, String> merchant = Services.wechatPayConfig(settings.wechatPayConfig());
            mchid = merchant.get("orderflow.wechatpay.merchants[0].mchid");
            appid = merchant.get("orderflow.wechatpay.merchants[0].appids[0]");
        }
        return ShopRegistration.obtain(
                services.get("order-service").baseUrl(),
                settings.keepsData() ? data.resolve("shop.properties") : null,
                mchid,
                appid);
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stopAll();
        }
    }

    /** The launcher JVM, the PostgreSQL postmaster (when embedded) and each service's JVM. */
    private StackProcesses processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(StackProcesses.LAUNCHER, ProcessHandle.current().pid());
        infrastructure.postgres.processes().stream()
                .findFirst()
                .ifPresent(postmaster -> pids.put(StackProcesses.POSTGRES, postmaster.pid()));
        services.all()
                .forEach(service ->
                        service.processes().stream().findFirst().ifPresent(jvm -> pids.put(service.name(), jvm.pid())));
        return new StackProcesses(pids);
    }

    private void stopAll() {
        System.out.println("orderflow local stack: stopping");
        StackProcesses.delete(settings.workDirectory());
        if (shop != null) {
            shop.close();
        }
        if (services != null) {
            services.stop();
            if (!up) {
                services.discardTrainingArchives();
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        if (!settings.keepsData()) {
            FileSystemUtils.deleteRecursively(data.toFile());
        }
        System.out.println("orderflow local stack: stopped");
    }

    private static Path dataDirectory(StackSettings settings) {
        try {
            Files.createDirectories(settings.logDirectory());
            return settings.keepsData()
                    ? Files.createDirectories(settings.dataDirectory())
                    : Files.createTempDirectory("orderflow-local-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
