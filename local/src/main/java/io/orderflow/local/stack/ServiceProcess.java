package io.orderflow.local.stack;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as an OS process started with {@code java -jar <service>/target/<service>.jar} and
 * {@code --key=value} properties, its output appended to a log file; ready once its readiness probe
 * ({@code /readyz} on its port) answers, stopped with SIGTERM (the service shuts down gracefully) and killed
 * only when it hangs. Actuator answers on the service's management port.
 */
final class ServiceProcess {

    /** The launcher's own JDK runs the services. */
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /**
     * A small heap that grows when needed (it starts at 1/64 of the machine's memory otherwise, all of it touched
     * during start-up), small thread stacks, the client compiler only (a developer's stack is not under load), no
     * perf data file (its sampler wakes every 50 ms).
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx384m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final Path cache;
    private ClassDataCache classData;
    private final int port;
    private final int managementPort;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;
    private boolean stopping;

    ServiceProcess(
            String name,
            Path jar,
            Path cache,
            int port,
            int managementPort,
            Map<String, String> properties,
            Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.cache = cache;
        this.port = port;
        this.managementPort = managementPort;
        this.properties = Map.copyOf(properties);
        this.log = logDirectory.resolve(name + ".log");
    }

    /** Extracts the jar when this build was not extracted yet (ClassDataCache). */
    void prepare() {
        ClassDataCache prepared = ClassDataCache.prepare(jar, cache, JAVA);
        synchronized (this) {
            classData = prepared;
        }
    }

    synchronized void start() {
        if (stopping) {
            return;
        }
        if (classData == null) {
            prepare();
        }
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(classData.jvmOptions());
        command.addAll(List.of(
                "-jar",
                classData.applicationJar().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--management.server.port=" + managementPort,
                "--management.server.address=127.0.0.1"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            // the environment is inherited: a service's own ORDERFLOW_* variables reach it
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for readiness; fails early when the process exits. */
    void awaitReady(Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (!ready()) {
            if (process == null) {
                throw new IllegalStateException(name + " stopped before it started");
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready after " + atMost + "; see " + log);
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
    }

    private boolean ready() throws InterruptedException {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM first; a service still running after {@code grace} is killed. */
    void stop(Duration grace) throws InterruptedException {
        requestStop();
        if (process == null || !process.isAlive()) {
            return;
        }
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    synchronized void requestStop() {
        stopping = true;
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where actuator answers ({@code /actuator/prometheus}, {@code /actuator/metrics}, health details). */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    Path log() {
        return log;
    }

    /** The JVM and anything it started; empty before start. */
    java.util.List<ProcessHandle> processes() {
        if (process == null) {
            return java.util.List.of();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .toList();
    }
}
