package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.EventTypes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strimzi declares every topic the code reads or writes, sized for the consumer groups. */
class KafkaUnitTests {

    @Test
    void theServicesConfigurationNamesTopicsAndGroups() {
        assertThat(usedTopics())
                .as("topics from application.yml and EventTypes")
                .hasSizeGreaterThanOrEqualTo(5)
                .anyMatch(t -> t.endsWith(".dlt"));
        assertThat(ServiceSettings.all())
                .flatExtracting(ServiceSettings::bindings)
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b.deadLetterTopic())
                        .as("dlq-name of %s", b.name())
                        .isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheCodeUsesIsAKafkaTopic(String overlay) {
        Map<String, Map<String, Object>> topics = topics(Rendered.of(overlay));
        assertThat(topics.keySet()).as("KafkaTopics of %s", overlay).containsAll(usedTopics());
        for (ServiceSettings settings : ServiceSettings.all()) {
            for (ServiceSettings.Binding binding : settings.bindings()) {
                int source = Rendered.number(topics.get(binding.destination()), "spec.partitions");
                assertThat(source)
                        .as("partitions of %s (binder min-partition-count)", binding.destination())
                        .isGreaterThanOrEqualTo(settings.minPartitions());
                assertThat(Rendered.number(topics.get(binding.deadLetterTopic()), "spec.partitions"))
                        .as("a dead-letter topic keeps its record's partition: %s", binding.deadLetterTopic())
                        .isGreaterThanOrEqualTo(source);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void consumerGroupsAreTheServicesAndTheirLagIsExported(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Map<String, Object> kafka = rendered.ofKind("Kafka").get(0);
        String groupRegex = Rendered.text(kafka, "spec.kafkaExporter.groupRegex");
        String topicRegex = Rendered.text(kafka, "spec.kafkaExporter.topicRegex");
        for (ServiceSettings settings : ServiceSettings.all()) {
            for (ServiceSettings.Binding binding : settings.bindings()) {
                assertThat(binding.group())
                        .as("consumer group of %s", binding.name())
                        .isEqualTo(settings.service());
                assertThat(binding.group()).as("Kafka Exporter groupRegex").matches(groupRegex);
            }
        }
        assertThat(usedTopics())
                .allSatisfy(t -> assertThat(t).as("Kafka Exporter topicRegex").matches(topicRegex));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicsFitTheBrokersAndOnlyTheServicesReachTheListener(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.ofKind("Kafka")).as("one Kafka cluster").hasSize(1);
        Map<String, Object> kafka = rendered.ofKind("Kafka").get(0);
        int brokers = pools(rendered, "broker");
        assertThat(pools(rendered, "controller")).as("KRaft controllers").isOdd();
        for (Map<String, Object> topic : topics(rendered).values()) {
            assertThat(Rendered.text(topic, "metadata.labels")).contains("strimzi.io/cluster=" + Rendered.name(kafka));
            int replicas = Rendered.number(topic, "spec.replicas");
            int minInSync = minInSync(topic);
            assertThat(replicas).as("replicas of %s", Rendered.name(topic)).isBetween(1, brokers);
            assertThat(minInSync).isLessThanOrEqualTo(replicas);
        }
        for (Map<String, Object> listener : Rendered.list(kafka, "spec.kafka.listeners")) {
            assertThat(Rendered.list(listener, "networkPolicyPeers"))
                    .as("peers of listener %s", listener.get("name"))
                    .isNotEmpty()
                    .allSatisfy(peer -> assertThat(Rendered.text(peer, "podSelector.matchLabels"))
                            .contains("app.kubernetes.io/component=service"));
        }
        assertThat(Rendered.text(kafka, "spec.kafka.config")).contains("auto.create.topics.enable=false");
    }

    @Test
    void productionTopicsAreReplicatedThreeTimesWithTwoInSync() {
        Rendered prod = Rendered.of("prod");
        assertThat(pools(prod, "broker")).isGreaterThanOrEqualTo(3);
        assertThat(pools(prod, "controller")).isGreaterThanOrEqualTo(3);
        assertThat(topics(prod).values()).allSatisfy(topic -> {
            assertThat(Rendered.number(topic, "spec.replicas"))
                    .as(Rendered.name(topic))
                    .isEqualTo(3);
            assertThat(minInSync(topic)).as(Rendered.name(topic)).isEqualTo(2);
        });
    }

    /** Topics of the event contract, every binding's destination and every dead-letter topic. */
    static Set<String> usedTopics() {
        Set<String> topics = new TreeSet<>(Arrays.stream(EventTypes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_TOPIC"))
                .map(KafkaUnitTests::value)
                .toList());
        for (ServiceSettings settings : ServiceSettings.all()) {
            settings.bindings()
                    .forEach(b -> List.of(b.destination(), b.deadLetterTopic()).forEach(topics::add));
        }
        return topics;
    }

    static Map<String, Map<String, Object>> topics(Rendered rendered) {
        return rendered.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(
                        t -> Rendered.text(t, "spec.topicName") == null
                                ? Rendered.name(t)
                                : Rendered.text(t, "spec.topicName"),
                        t -> t));
    }

    private static int minInSync(Map<String, Object> topic) {
        Object config = Rendered.at(topic, "spec.config");
        Object value = config instanceof Map<?, ?> map ? map.get("min.insync.replicas") : null;
        assertThat(value).as("min.insync.replicas of %s", Rendered.name(topic)).isNotNull();
        return Integer.parseInt(value.toString());
    }

    private static int pools(Rendered rendered, String role) {
        return rendered.ofKind("KafkaNodePool").stream()
                .filter(p -> String.valueOf(Rendered.at(p, "spec.roles")).contains(role))
                .mapToInt(p -> Rendered.number(p, "spec.replicas"))
                .sum();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
