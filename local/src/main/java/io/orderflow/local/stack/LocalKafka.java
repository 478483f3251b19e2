package io.orderflow.local.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/**
 * A single-node KRaft broker (broker and controller in one) inside the launcher's JVM, with its log
 * directory where the caller says, so that a kept data directory keeps the topics too.
 */
final class LocalKafka implements AutoCloseable {

    /**
     * Partitions of every topic the broker creates by itself. The services ask for at least as many
     * (min-partition-count, 6 in deployments; the launcher asks them for this, Services): one developer's orders
     * need one, and each partition is a log, two index files and a line in every fetch and offset commit.
     */
    static final int PARTITIONS = 1;

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalKafka start(Path directory, int port, int controllerPort) {
        try {
            Files.createDirectories(directory);
            Path config = directory.resolve("server.properties");
            Properties properties = new Properties();
            properties.putAll(settings(directory.resolve("data"), port, controllerPort));
            try (var out = Files.newBufferedWriter(config)) {
                properties.store(out, "written by orderflow-local on every start");
            }
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                format(config);
            }
            // before the broker makes its meters: they then tick together, not each at its own moment
            AlignedMeterTicks.install(KafkaYammerMetrics.defaultRegistry());
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            return new LocalKafka(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start (data: " + directory + ")", e);
        }
    }

    /** Formats a new log directory (with a new cluster id); a kept one is started as it is. */
    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(
                new String[] {"format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> settings(Path logDirectory, int port, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logDirectory.toString());
        // one node: internal topics cannot have more replicas; one offsets partition
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("offsets.topic.replication.factor", "1");
        // a new group's first assignment waits 3 s after the last member joined (Kafka's default): a service's
        // bindings share its group and join one after the other at start; assigned together, no member waits for
        // another's 15 s heartbeat to learn of the next join (Services)
        settings.put("group.initial.rebalance.delay.ms", "3000");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("num.partitions", String.valueOf(PARTITIONS));
        settings.put("auto.create.topics.enable", "true");
        // one developer's traffic: a few threads instead of a server's pools (ADR 0021)
        settings.put("num.network.threads", "1");
        settings.put("num.io.threads", "1");
        settings.put("group.coordinator.threads", "1");
        settings.put("background.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        // the log cleaner (it compacts the consumer offsets topic) allocates its deduplication map on the heap
        // when it starts, 128 MiB by default and all of it touched: a map of 4 MiB holds 150,000 keys, enough for
        // the offsets of a developer's groups (the launcher JVM's live heap was 187 MiB with the default)
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        // the controller writes a no-op record to the metadata log this often when nothing else happens (500 ms)
        settings.put("metadata.max.idle.interval.ms", "5000");
        // the broker's heartbeat to its controller (in this JVM) every 5 s instead of 2 s
        settings.put("broker.heartbeat.interval.ms", "5000");
        settings.put("broker.session.timeout.ms", "30000");
        // the high watermarks are written to a checkpoint file (and fsynced) every 5 s by default; one node
        // recovers them from its own logs
        settings.put("replica.high.watermark.checkpoint.interval.ms", "60000");
        return settings;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
