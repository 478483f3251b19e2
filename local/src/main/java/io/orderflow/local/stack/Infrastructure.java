package io.orderflow.local.stack;

import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.SimulatorSettings;
import io.orderflow.simulator.WechatPaySimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the services need before they start: PostgreSQL, Kafka and the WeChat Pay simulator, each ours or
 * external, started side by side; and stopped after the services, in reverse order.
 */
final class Infrastructure implements AutoCloseable {

    final LocalPostgres postgres;
    final LocalKafka kafka;
    final String kafkaBootstrap;
    final RunningSimulator simulator;
    final LocalKeys keys;

    private Infrastructure(
            LocalPostgres postgres,
            LocalKafka kafka,
            String kafkaBootstrap,
            RunningSimulator simulator,
            LocalKeys keys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.kafkaBootstrap = kafkaBootstrap;
        this.simulator = simulator;
        this.keys = keys;
    }

    static Infrastructure start(StackSettings settings, Ports ports, Path data) {
        LocalKeys keys = LocalKeys.writeTo(data.resolve("keys"));
        // threads of their own, which inherit this thread's context class loader (the launcher jar's): the
        // broker loads classes by name through it, and the common pool's threads have the system class loader
        // on JDK 25, which does not see the jar's nested libraries
        ExecutorService starters = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "stack-start");
            thread.setDaemon(true);
            return thread;
        });
        var postgres = CompletableFuture.supplyAsync(
                () -> settings.postgresUrl() != null
                        ? LocalPostgres.external(settings.postgresUrl())
                        : LocalPostgres.embedded(data.resolve("postgres"), settings.keepsData(), ports.of("postgres")),
                starters);
        var kafka = CompletableFuture.supplyAsync(
                () -> settings.kafkaBootstrap() != null
                        ? null
                        : LocalKafka.start(data.resolve("kafka"), ports.of("kafka"), ports.of("kafka-controller")),
                starters);
        var simulator = CompletableFuture.supplyAsync(
                () -> settings.usesSimulator() ? simulator(settings, ports, keys, data) : null, starters);
        try {
            CompletableFuture.allOf(postgres, kafka, simulator).join();
        } catch (RuntimeException e) {
            // whichever parts did start must not outlive the failure
            List.of(simulator, kafka, postgres).forEach(part -> part.thenAccept(Infrastructure::closeQuietly));
            throw e;
        } finally {
            starters.shutdown();
        }
        LocalKafka broker = kafka.join();
        return new Infrastructure(
                postgres.join(),
                broker,
                broker == null ? settings.kafkaBootstrap() : broker.bootstrapServers(),
                simulator.join(),
                keys);
    }

    private static RunningSimulator simulator(StackSettings settings, Ports ports, LocalKeys keys, Path data) {
        return WechatPaySimulator.start(SimulatorSettings.defaults()
                .port(ports.of("simulator"))
                .timeScale(settings.simulatorTimeScale())
                .property("simulator.refund-delay", "3s")
                .property(
                        "simulator.key-directory",
                        data.resolve("simulator-keys").toString())
                // the launcher closes it after the services, not the JVM's hook before them
                .property("spring.main.register-shutdown-hook", "false")
                .merchant(
                        LocalKeys.MCHID,
                        List.of(LocalKeys.APPID),
                        LocalKeys.MERCHANT_SERIAL,
                        keys.file("merchant_public_key.pem").toString(),
                        LocalKeys.API_V3_KEY)
                .wechatPayKey(
                        keys.file("wechat_pay_private_key.pem").toString(),
                        LocalKeys.WECHAT_PAY_PUBLIC_KEY_ID,
                        keys.file("wechat_pay_certificate.pem").toString()));
    }

    @Override
    public void close() {
        closeQuietly(simulator);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("stopping " + part.getClass().getSimpleName() + ": " + e);
        }
    }
}
