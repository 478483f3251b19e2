package io.orderflow.platform.test;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka broker per test JVM: an in-JVM KRaft broker by default, the cluster named by
 * {@code ORDERFLOW_TEST_KAFKA_BOOTSTRAP}, or a Testcontainers broker when
 * {@code ORDERFLOW_TEST_INFRA=containers} and Docker is present. Tests that must stop the
 * broker use their own {@link KafkaBrokerProcess} instead.
 */
public final class TestKafka {

    /** Partitions of auto-created topics: more than one, so per-key ordering is really tested. */
    public static final int PARTITIONS = 4;

    private static volatile String bootstrapServers;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = start();
        }
        return bootstrapServers;
    }

    private static String start() {
        String external = InfrastructureMode.setting(InfrastructureMode.KAFKA_BOOTSTRAP_VARIABLE);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (InfrastructureMode.current() == InfrastructureMode.CONTAINERS && InfrastructureMode.dockerAvailable()) {
            return container();
        }
        return embedded();
    }

    /** Broker settings that keep a one-node test cluster quick: one replica and offsets partition, no group rebalance delay. */
    public static Map<String, String> singleNodeSettings() {
        return Map.of(
                "offsets.topic.num.partitions", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "num.partitions", String.valueOf(PARTITIONS),
                "auto.create.topics.enable", "true");
    }

    private static String embedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(singleNodeSettings());
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker.getBrokersAsString();
    }

    @SuppressWarnings("resource")
    private static String container() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1");
        singleNodeSettings()
                .forEach((key, value) ->
                        container.withEnv("KAFKA_" + key.toUpperCase().replace('.', '_'), value));
        container.start();
        return container.getBootstrapServers();
    }
}
