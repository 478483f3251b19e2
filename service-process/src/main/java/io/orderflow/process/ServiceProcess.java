package io.orderflow.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One service as an OS process started from its packaged jar with {@code java -jar} and {@code --key=value}
 * properties, its output appended to {@code <log directory>/<name>.log}: started, awaited until its readiness probe
 * ({@code /readyz} on its port) answers 200, stopped gracefully (SIGTERM; killed only when it hangs) or killed like
 * {@code kill -9}, and started again with the same settings. Service and actuator (its management port) listen on
 * the loopback interface only.
 *
 * <p>The local launcher runs the stack with it (its {@link Launch} maps each jar's class-data archive), the system
 * tests run their scenarios with it (replicas, kills, settings replaced per scenario).
 */
public final class ServiceProcess implements AutoCloseable {

    /** How long a stopping service may take before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(45);

    /** The JDK of this JVM runs the services. */
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * What {@code java -jar} runs: the jar and JVM options of its own (a class-data archive, for one).
     *
     * @param applicationJar the jar given to {@code -jar}
     * @param jvmOptions options added after the service's own
     */
    public record Launch(Path applicationJar, List<String> jvmOptions) {

        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
        }

        /** The packaged jar as it is. */
        public static Launch plain(Path jar) {
            return new Launch(jar, List.of());
        }
    }

    /**
     * Everything a service process is started with.
     *
     * @param name the service's name, its log file's and {@code {name}} in the JVM options
     * @param jar the packaged jar ({@code <service>/target/<service>.jar})
     * @param port the service's HTTP port
     * @param managementPort actuator's port
     * @param jvmOptions the JVM's options; {@code {name}} in them becomes the service's name (JDK 17's JFR does not
     *     expand {@code %p} in {@code filename=})
     * @param properties the service's settings, given as {@code --key=value}
     * @param logDirectory where {@code <name>.log} is appended to
     */
    public record Settings(
            String name,
            Path jar,
            int port,
            int managementPort,
            List<String> jvmOptions,
            Map<String, String> properties,
            Path logDirectory) {

        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
            properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }

    private final Settings settings;
    private final UnaryOperator<Launch> preparation;
    private Launch launch;
    private Process process;
    private boolean stopRequested;

    /** The packaged jar run as it is. */
    public ServiceProcess(Settings settings) {
        this(settings, UnaryOperator.identity());
    }

    /**
     * {@code preparation}: what {@code java -jar} runs, made from the packaged jar; called once, before the first
     * start (the launcher extracts the jar and maps its class-data archive).
     */
    public ServiceProcess(Settings settings, UnaryOperator<Launch> preparation) {
        this.settings = settings;
        this.preparation = preparation;
    }

    /** This service (not started yet) with some settings replaced or added. */
    public ServiceProcess with(Map<String, String> replaced) {
        Map<String, String> merged = new LinkedHashMap<>(settings.properties());
        merged.putAll(replaced);
        return copy(settings.name(), settings.port(), settings.managementPort(), merged);
    }

    /** Another instance of this service with the same settings (database, broker, merchant), on ports of its own. */
    public ServiceProcess replica(String replicaName, int replicaPort, int replicaManagementPort) {
        return copy(replicaName, replicaPort, replicaManagementPort, settings.properties());
    }

    private ServiceProcess copy(String name, int port, int managementPort, Map<String, String> properties) {
        return new ServiceProcess(
                new Settings(
                        name,
                        settings.jar(),
                        port,
                        managementPort,
                        settings.jvmOptions(),
                        properties,
                        settings.logDirectory()),
                preparation);
    }

    /**
     * Prepares what {@code java -jar} runs (the launcher extracts the jar once per build), so that several services
     * can be prepared side by side before any starts; {@link #start()} does it when it was not done.
     */
    public void prepare() {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException(settings.jar() + " is missing: build the services first (./mvnw -B verify,"
                    + " or ./orderflow-local, builds them)");
        }
        Launch prepared = preparation.apply(Launch.plain(settings.jar()));
        synchronized (this) {
            launch = prepared;
        }
    }

    /** Starts the JVM; does nothing after {@link #requestStop()} (a launcher shutting down while it still starts). */
    public synchronized ServiceProcess start() {
        if (stopRequested) {
            return this;
        }
        if (launch == null) {
            prepare();
        }
        List<String> command = command();
        try {
            Files.createDirectories(settings.logDirectory());
            // the environment is inherited: a service's own ORDERFLOW_* variables reach it
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The command line {@link #start()} runs. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        settings.jvmOptions().forEach(option -> command.add(option.replace("{name}", settings.name())));
        command.addAll(launch.jvmOptions());
        command.addAll(List.of(
                "-jar",
                launch.applicationJar().toString(),
                "--server.port=" + settings.port(),
                "--server.address=127.0.0.1",
                "--management.server.port=" + settings.managementPort(),
                "--management.server.address=127.0.0.1"));
        settings.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    /** Waits until the readiness probe answers 200; fails at once when the process exits or was never started. */
    public ServiceProcess awaitReady(Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        Process started;
        synchronized (this) {
            started = process;
        }
        if (started == null) {
            throw new IllegalStateException(settings.name() + " was not started");
        }
        try {
            while (readiness(Duration.ofSeconds(2)) != 200) {
                if (!started.isAlive()) {
                    throw new IllegalStateException(
                            settings.name() + " exited with " + started.exitValue() + "; see " + log());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(settings.name() + " not ready after " + atMost + "; see " + log());
                }
                started.waitFor(250, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + settings.name(), e);
        }
        return this;
    }

    /** The readiness probe's HTTP status (503 while a dependency such as the database is down), -1 without answer. */
    public int readiness(Duration timeout) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz"))
                                    .timeout(timeout)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Actuator's Prometheus scrape of this instance. */
    public String prometheus() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(settings.name() + " /actuator/prometheus: " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * SIGTERM now without waiting, and no start after it: a launcher stopping several services asks them all first,
     * so that they shut down side by side, then {@link #stop() waits} for each.
     */
    public synchronized void requestStop() {
        stopRequested = true;
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** SIGTERM (the service shuts down gracefully) and wait; killed when still running after {@link #STOP_GRACE}. */
    public void stop() {
        end(false);
    }

    /** Like {@code kill -9}: no shutdown hook, no graceful shutdown. */
    public void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        Process running;
        synchronized (this) {
            running = process;
        }
        ChildProcesses.end(running, forcibly, STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
    }

    public String name() {
        return settings.name();
    }

    public int port() {
        return settings.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + settings.port();
    }

    /** Where actuator answers: {@code /actuator/prometheus}, {@code /actuator/metrics}, health details. */
    public String managementUrl() {
        return "http://127.0.0.1:" + settings.managementPort();
    }

    public Path log() {
        return settings.logDirectory().resolve(settings.name() + ".log");
    }

    /** The running JVM (its CPU time is read through {@link ProcessHandle}); fails before the first start. */
    public synchronized ProcessHandle handle() {
        if (process == null) {
            throw new IllegalStateException(settings.name() + " was not started");
        }
        return process.toHandle();
    }

    /** The JVM and anything it started; empty before start. */
    public synchronized List<ProcessHandle> processes() {
        if (process == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
    }
}
