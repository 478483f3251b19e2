package io.orderflow.platform;

import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.platform.messaging.CloudEventEnvelope;
import io.orderflow.platform.messaging.IdempotentConsumer;
import io.orderflow.platform.messaging.InboundEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * A minimal service on the platform for its tests: it publishes as order-service and
 * consumes its own topics, recording every applied event in {@code received_event}.
 * An OrderCreated whose description is {@value #POISON} always fails.
 */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String POISON = "poison";

    /** Delivery attempts per {@code ce_id}, including those that failed before the effect. */
    public static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    Consumer<Message<List<byte[]>>> orderEvents(IdempotentConsumer inbox, JdbcClient jdbc) {
        return message -> {
            count(message);
            inbox.acceptBatch(message, event -> {
                if (event.event() instanceof OrderCreated created && POISON.equals(created.description())) {
                    throw new IllegalStateException("poison message " + event.ceId());
                }
                record(jdbc, "orderEvents", event, null);
            });
        };
    }

    @Bean
    Consumer<Message<List<byte[]>>> orderStatus(IdempotentConsumer inbox, JdbcClient jdbc) {
        return message -> {
            count(message);
            inbox.acceptBatch(
                    message, event -> record(jdbc, "status", event, ((OrderStatusChanged) event.event()).version()));
        };
    }

    /** Counts each record of a delivered batch as one delivery attempt of its ce_id. */
    @SuppressWarnings("unchecked")
    private static void count(Message<List<byte[]>> batch) {
        for (Map<String, Object> headers :
                (List<Map<String, Object>>) batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS)) {
            Object id = headers.get(CloudEventEnvelope.ID);
            String key = id instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(id);
            ATTEMPTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static void record(JdbcClient jdbc, String binding, InboundEvent event, Long version) {
        jdbc.sql("insert into received_event (binding, ce_id, ce_type, subject, version) values (?, ?, ?, ?, ?)")
                .params(
                        binding,
                        event.ceId(),
                        event.attributes().type(),
                        event.event().subject(),
                        version)
                .update();
    }
}
