package io.orderflow.platform.test;

import io.orderflow.process.ChildProcesses;
import io.orderflow.process.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * A standalone single-node KRaft broker in its own OS process, started from the Kafka jars
 * already on the test classpath. Unlike the in-JVM broker it can be stopped, killed
 * ({@code kill -9}) and restarted on the same port with its data intact, which is what the
 * outage tests need.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBrokerProcess(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats fresh storage in a temporary directory and starts the broker. */
    public static KafkaBrokerProcess start() {
        try {
            Path directory = Files.createTempDirectory("orderflow-kafka-");
            KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, FreePorts.next(), FreePorts.next());
            broker.format();
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Ends the broker the way an operator's stop does, and waits until its port is closed. */
    public void stop() {
        end(false);
    }

    /** Ends the broker abruptly, like {@code kill -9}. */
    public void kill() {
        end(true);
    }

    /** Starts the broker again on the same port with the data it had. */
    public void restart() {
        launch();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        end(true);
    }

    private void format() throws IOException {
        Files.writeString(directory.resolve("server.properties"), serverProperties());
        run(
                List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "--standalone",
                        "-t",
                        UUID.randomUUID().toString(),
                        "-c",
                        directory.resolve("server.properties").toString()),
                true);
    }

    private void launch() {
        process = run(
                List.of("kafka.Kafka", directory.resolve("server.properties").toString()), false);
        Awaitility.await("Kafka broker process on port " + port)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> process.isAlive() && accepting(port));
    }

    private void end(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        ChildProcesses.end(process, forcibly, Duration.ofSeconds(60));
        Awaitility.await("port " + port + " released")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !accepting(port));
    }

    private Process run(List<String> mainAndArguments, boolean waitForExit) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + logConfiguration("log4j2.properties", LOG4J),
                "-Dlogback.configurationFile=" + logConfiguration("logback.xml", LOGBACK),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        try {
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("broker.log").toFile()))
                    .start();
            if (waitForExit && started.waitFor() != 0) {
                throw new IllegalStateException("Kafka storage format failed; see " + directory.resolve("broker.log"));
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String LOG4J = """
            rootLogger.level = WARN
            rootLogger.appenderRef.stdout.ref = STDOUT
            appender.stdout.type = Console
            appender.stdout.name = STDOUT
            appender.stdout.layout.type = PatternLayout
            appender.stdout.layout.pattern = %d %p %c{1} %m%n
            """;

    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    /** The broker logs warnings only, whichever logging backend the classpath brings. */
    private String logConfiguration(String name, String content) {
        Path file = directory.resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private String serverProperties() {
        StringBuilder properties = new StringBuilder("""
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                """.formatted(
                port, controllerPort, directory.resolve("data").toString().replace(File.separatorChar, '/')));
        TestKafka.singleNodeSettings()
                .forEach((key, value) ->
                        properties.append(key).append('=').append(value).append('\n'));
        return properties.toString();
    }

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
