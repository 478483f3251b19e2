package io.orderflow.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Every dead-letter topic is empty: the ones the services declare ({@code dlq-name} in their application.yml)
 * and any other {@code *.dlt} on the broker. A declared topic that is absent counts as empty only when the
 * broker says it does not exist; any other failure to read one is a difference, never a pass.
 */
final class DeadLetterCheck {

    static final String CHECK = "dead-letter topics (declared and on the broker) empty";
    private static final Pattern DECLARED = Pattern.compile("dlq-name:\\s*(\\S+)");
    private static final String[] SERVICES = {"order-service", "payment-service", "notify-service", "reconcile-service"
    };

    private DeadLetterCheck() {}

    static void check(CheckTable table, OrderflowSystem system) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", system.bootstrapServers()))) {
            Set<String> topics = new TreeSet<>(declared());
            admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlt"))
                    .forEach(topics::add);
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            Map<String, KafkaFuture<TopicDescription>> descriptions =
                    admin.describeTopics(topics).topicNameValues();
            for (String topic : topics) {
                table.count(CHECK, true);
                try {
                    descriptions
                            .get(topic)
                            .get(30, TimeUnit.SECONDS)
                            .partitions()
                            .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        table.differ(CHECK, topic + " could not be read: " + e.getCause());
                    }
                }
            }
            Map<String, Long> messages = new LinkedHashMap<>();
            admin.listOffsets(ends)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> messages.merge(partition.topic(), offset.offset(), Long::sum));
            messages.forEach((topic, count) -> {
                if (count > 0) {
                    table.differ(CHECK, topic + " holds " + count);
                }
            });
        } catch (ExecutionException | TimeoutException e) {
            table.differ(CHECK, "could not read them: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            table.differ(CHECK, "interrupted");
        }
    }

    /** The dead-letter topics the services' bindings declare. */
    static Set<String> declared() {
        Set<String> topics = new TreeSet<>();
        for (String service : SERVICES) {
            Path yml = OrderflowSystem.repositoryRoot().resolve(service).resolve("src/main/resources/application.yml");
            try {
                Matcher matcher = DECLARED.matcher(Files.readString(yml));
                while (matcher.find()) {
                    topics.add(matcher.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("no dlq-name found in the services' application.yml");
        }
        return topics;
    }
}
