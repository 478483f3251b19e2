package io.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM: a jar compiled here whose main class answers {@code /readyz} on {@code --server.port} the way a
 * service does, or exits at once.
 */
class ServiceProcessUnitTests {

    /** A stand-in service: readiness 200 on its port until SIGTERM, then exits 0 through a shutdown hook. */
    private static final String FAKE_SERVICE = """
            public class FakeService {
                public static void main(String[] args) throws Exception {
                    if (args.length > 0 && args[args.length - 1].equals("--exit=3")) {
                        System.exit(3);
                    }
                    int port = 0;
                    for (String arg : args) {
                        if (arg.startsWith("--server.port=")) {
                            port = Integer.parseInt(arg.substring("--server.port=".length()));
                        }
                    }
                    var server = com.sun.net.httpserver.HttpServer.create(
                            new java.net.InetSocketAddress("127.0.0.1", port), 0);
                    server.createContext("/readyz", exchange -> {
                        exchange.sendResponseHeaders(200, -1);
                        exchange.close();
                    });
                    server.start();
                    System.out.println("started with " + String.join(" ", args));
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("graceful stop")));
                    new java.util.concurrent.CountDownLatch(1).await();
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void startsTheJarOnLoopbackWithItsOptionsAndPropertiesAndStopsItGracefully() throws Exception {
        Path jar = fakeServiceJar();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "local");
        properties.put("orderflow.outbox.poll-interval", "30s");
        ServiceProcess service = new ServiceProcess(new ServiceProcess.Settings(
                "order-service",
                jar,
                freePort(),
                freePort(),
                List.of("-Xmx64m", "-Dlabel={name}"),
                properties,
                directory.resolve("logs")));

        service.start().awaitReady(Duration.ofSeconds(30));

        assertThat(service.readiness(Duration.ofSeconds(2))).isEqualTo(200);
        assertThat(service.handle().isAlive()).isTrue();
        assertThat(service.processes()).first().isEqualTo(service.handle());
        assertThat(service.handle().info().arguments().orElseThrow())
                .contains(
                        "-Xmx64m",
                        "-Dlabel=order-service",
                        "--server.address=127.0.0.1",
                        "--management.server.address=127.0.0.1",
                        "--spring.profiles.active=local",
                        "--orderflow.outbox.poll-interval=30s");
        ProcessHandle jvm = service.handle();
        service.stop();
        assertThat(jvm.isAlive()).isFalse();
        assertThat(service.readiness(Duration.ofSeconds(2))).isEqualTo(-1);
        assertThat(Files.readString(service.log())).contains("started with").contains("graceful stop");
    }

    @Test
    void killedLikeKillNineItRunsNoShutdownHookAndStartsAgainWithTheSameSettings() throws Exception {
        ServiceProcess service = new ServiceProcess(new ServiceProcess.Settings(
                "payment-service", fakeServiceJar(), freePort(), freePort(), List.of(), Map.of(), directory));
        service.start().awaitReady(Duration.ofSeconds(30));
        ProcessHandle first = service.handle();

        service.kill();

        assertThat(first.isAlive()).isFalse();
        assertThat(Files.readString(service.log())).doesNotContain("graceful stop");
        service.start().awaitReady(Duration.ofSeconds(30));
        assertThat(service.handle().pid()).isNotEqualTo(first.pid());
        service.close();
        assertThat(Files.readString(service.log())).contains("graceful stop");
    }

    @Test
    void aServiceThatExitsFailsTheWaitAtOnceNamingItsLog() throws Exception {
        ServiceProcess service = new ServiceProcess(new ServiceProcess.Settings(
                "notify-service", fakeServiceJar(), freePort(), freePort(), List.of(), Map.of("exit", "3"), directory));

        service.start();

        assertThatThrownBy(() -> service.awaitReady(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("notify-service exited with 3; see " + directory.resolve("notify-service.log"));
    }

    @Test
    void aMissingJarIsRefusedBeforeAnyProcessStarts() throws IOException {
        Path missing = directory.resolve("order-service.jar");
        ServiceProcess service = new ServiceProcess(new ServiceProcess.Settings(
                "order-service", missing, freePort(), freePort(), List.of(), Map.of(), directory));

        assertThatThrownBy(service::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(missing + " is missing: build the services first");
        assertThat(service.processes()).isEmpty();
    }

    @Test
    void noStartAfterAStopWasRequested() throws Exception {
        ServiceProcess service = new ServiceProcess(new ServiceProcess.Settings(
                "reconcile-service", fakeServiceJar(), freePort(), freePort(), List.of(), Map.of(), directory));

        service.requestStop();
        service.start();

        assertThat(service.processes()).isEmpty();
        assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(1)))
                .hasMessage("reconcile-service was not started");
    }

    @Test
    void theLaunchRunsWhatThePreparationGivesWithItsOptionsAfterTheServicesOwn() throws Exception {
        Path jar = fakeServiceJar();
        Path extracted = Files.copy(jar, directory.resolve("extracted.jar"));
        ServiceProcess service = new ServiceProcess(
                new ServiceProcess.Settings(
                        "order-service", jar, 8080, 8081, List.of("-Xmx64m"), Map.of("a", "b"), directory),
                packaged -> new ServiceProcess.Launch(extracted, List.of("-XX:AOTCache=app.aot")));

        service.prepare();

        assertThat(service.command().subList(1, service.command().size()))
                .containsExactly(
                        "-Xmx64m",
                        "-XX:AOTCache=app.aot",
                        "-jar",
                        extracted.toString(),
                        "--server.port=8080",
                        "--server.address=127.0.0.1",
                        "--management.server.port=8081",
                        "--management.server.address=127.0.0.1",
                        "--a=b");
    }

    @Test
    void withReplacesSettingsAndAReplicaRunsOnItsOwnPortsUnderItsOwnName() throws Exception {
        ServiceProcess service = new ServiceProcess(new ServiceProcess.Settings(
                "order-service", fakeServiceJar(), 8080, 8081, List.of(), Map.of("a", "1", "b", "2"), directory));

        ServiceProcess changed = service.with(Map.of("b", "3", "c", "4"));
        ServiceProcess replica = changed.replica("order-service-2", 9090, 9091);
        changed.prepare();
        replica.prepare();

        assertThat(changed.command()).contains("--a=1", "--b=3", "--c=4").doesNotContain("--b=2");
        assertThat(changed.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(replica.name()).isEqualTo("order-service-2");
        assertThat(replica.baseUrl()).isEqualTo("http://127.0.0.1:9090");
        assertThat(replica.managementUrl()).isEqualTo("http://127.0.0.1:9091");
        assertThat(replica.command()).contains("--a=1", "--b=3", "--c=4");
        assertThat(replica.log()).isEqualTo(directory.resolve("order-service-2.log"));
    }

    private Path fakeServiceJar() throws IOException {
        Path sources = Files.createDirectories(directory.resolve("src"));
        Path classes = Files.createDirectories(directory.resolve("classes"));
        Path jar = directory.resolve("fake-service.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.writeString(sources.resolve("FakeService.java"), FAKE_SERVICE);
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        sources.resolve("FakeService.java").toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeService");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("FakeService.class"));
            Files.copy(classes.resolve("FakeService.class"), out);
            out.closeEntry();
        }
        return jar;
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
