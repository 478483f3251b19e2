package io.orderflow.local.shop;

import io.orderflow.events.OrderStatusChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop as a downstream consumer, with nothing but kafka-clients: reads {@code orderflow.order.status}
 * (CloudEvents binary headers, payload JSON of {@link OrderStatusChanged}) into the {@link Timeline}, and the
 * services' other topics only to name the event that caused each change. A fresh consumer group per start
 * reads every topic from the beginning, which rebuilds the in-memory timeline.
 */
@Component
class StatusFeed implements SmartLifecycle {

    static final String STATUS_TOPIC = "orderflow.order.status";
    /** The public topic and the internal ones its events cite by causation id; never the dead-letter topics. */
    private static final Pattern TOPICS =
            Pattern.compile("orderflow\\.(order|payment|notify|reconcile)\\.(status|events)");

    private static final Logger log = LoggerFactory.getLogger(StatusFeed.class);

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final DemoShopProperties properties;
    private final Timeline timeline;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    StatusFeed(DemoShopProperties properties, Timeline timeline) {
        this.properties = properties;
        this.timeline = timeline;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrap(),
                        ConsumerConfig.GROUP_ID_CONFIG, "demo-shop-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        // the services have created their topics before the shop starts; look for new ones every 30 s,
                        // never create them
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, "30000",
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                        // idle, a fetch waits at the broker for up to 10 s and a heartbeat goes every 10 s (ADR 0021);
                        // a
                        // record is answered at once (fetch.min.bytes 1)
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10000",
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "10000",
                        // the heartbeat thread looks whether one is due every retry.backoff.ms: once a second, not 10
                        // times
                        ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, "1000"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        thread = new Thread(this::run, "demo-shop-status-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> owned = consumer) {
            owned.subscribe(TOPICS);
            while (!Thread.currentThread().isInterrupted()) {
                owned.poll(Duration.ofSeconds(10)).forEach(this::accept);
            }
        } catch (WakeupException e) {
            // stop() woke the poll: leave the loop
        }
    }

    void accept(ConsumerRecord<String, byte[]> record) {
        try {
            String ceId = header(record, "ce_id");
            String ceType = header(record, "ce_type");
            if (ceId == null || ceType == null) {
                return;
            }
            JsonNode payload = json.readTree(record.value());
            if (STATUS_TOPIC.equals(record.topic()) && ceType.startsWith("orderflow.order.OrderStatusChanged.")) {
                OrderStatusChanged event = json.treeToValue(payload, OrderStatusChanged.class);
                timeline.record(
                        event.orderId(),
                        event.shopOrderNo(),
                        event.order().amount().fen(),
                        new Timeline.Change(
                                event.version(),
                                event.from() == null ? null : event.from().name(),
                                event.to().name(),
                                event.reason(),
                                event.causationId(),
                                event.occurredAt(),
                                ceId,
                                ceType,
                                header(record, "ce_time"),
                                event.order().status().name(),
                                event.order().refundedAmount().fen()));
            } else {
                String source = payload.path("source").isString()
                        ? payload.path("source").asString()
                        : null;
                timeline.cause(
                        ceId,
                        new Timeline.Cause(ceType, header(record, "ce_source"), header(record, "ce_time"), source));
            }
        } catch (RuntimeException e) {
            // a consumer ignores what it cannot read rather than stopping; the services own the truth
            log.warn("skipped a record on {} at offset {}: {}", record.topic(), record.offset(), e.toString());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
