package io.orderflow.systemtest;

import io.orderflow.platform.test.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One service as an OS process started from its packaged jar with {@code java -jar}: started,
 * awaited until its readiness probe ({@code /readyz} on its port) answers UP, stopped gracefully
 * (SIGTERM) or killed ({@code kill -9}), and started again with the same settings. Actuator answers
 * on a management port of its own, chosen free like the service's port (ADR 0015).
 */
final class ServiceProcess implements AutoCloseable {

    /**
     * The services' JVM options: small and quick to start for tests (C1 only); a benchmark sets
     * {@code -Dorderflow.system.jvm-options} to run them as production would.
     */
    static final String JVM_OPTIONS = System.getProperty(
            "orderflow.system.jvm-options", "-Xmx384m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path jar, int port, Map<String, String> properties, Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = freePort();
        this.properties = Map.copyOf(properties);
        this.log = logDirectory.resolve(name + ".log");
    }

    /** This service (not started yet) with some settings replaced or added. */
    ServiceProcess with(Map<String, String> replaced) {
        Map<String, String> merged = new java.util.HashMap<>(properties);
        merged.putAll(replaced);
        return new ServiceProcess(name, jar, port, merged, log.getParent());
    }

    /** Another instance of this service with the same settings (database, broker, merchant), on its own port. */
    ServiceProcess replica(String replicaName, int replicaPort) {
        return new ServiceProcess(replicaName, jar, replicaPort, properties, log.getParent());
    }

    ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: package the services first (./mvnw -B verify builds them)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // {name} in the options becomes the service's name (JDK 17's JFR does not expand %p in filename=)
        command.addAll(List.of(JVM_OPTIONS.replace("{name}", name).trim().split("\\s+")));
        command.addAll(
                List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=" + managementPort));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ServiceProcess awaitReady(Duration atMost) {
        Awaitility.await(name + " ready (log: " + log + ")")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return ready();
                });
        return this;
    }

    private boolean ready() {
        return readiness(Duration.ofSeconds(2)) == 200;
    }

    /** The readiness probe's HTTP status (503 while a dependency such as the database is down), -1 when it does not answer. */
    int readiness(Duration timeout) {
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

    /** A plain HTTP exchange with a body, failing on I/O errors. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** This instance's Prometheus scrape. */
    String prometheus() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/prometheus"))
                        .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + " /actuator/prometheus: " + response.statusCode());
        }
        return response.body();
    }

    /** The running process's id (its CPU time is read through {@link ProcessHandle}). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where actuator answers: metrics, {@code /actuator/prometheus}, health details. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    void stop() {
        end(false);
    }

    void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        ChildProcesses.end(process, forcibly, Duration.ofSeconds(40));
    }

    @Override
    public void close() {
        stop();
    }
}
