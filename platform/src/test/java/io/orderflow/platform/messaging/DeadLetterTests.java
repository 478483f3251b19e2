package io.orderflow.platform.messaging;

import static io.orderflow.platform.TestEvents.newOrderId;
import static io.orderflow.platform.TestEvents.orderCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.OutboxSpringTestBase;
import io.orderflow.platform.PlatformTestApplication;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Messages that cannot be processed: retried a bounded number of times (or not at all when
 * no retry can help), then parked in the binding's dead-letter topic, while the messages
 * behind them in the same partition are still consumed.
 */
@SpringBootTest
class DeadLetterTests extends OutboxSpringTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLT = "orderflow.order.events.platform-tests.dlt";

    @Test
    void poisonMessageIsRetriedThenDeadLetteredAndTheMessagesBehindItAreConsumed() {
        String orderId = newOrderId();
        String poison = append(orderCreated(orderId, PlatformTestApplication.POISON));
        String behind = append(orderCreated(orderId, "fine"));

        await().atMost(WAIT).until(() -> received(behind) == 1);
        try (TopicProbe deadLetters = new TopicProbe(TestKafka.bootstrapServers(), DLT)) {
            TopicProbe.Received parked = deadLetters.awaitKey(orderId, 1, WAIT).get(0);
            assertThat(parked.header("ce_id")).isEqualTo(poison);
            assertThat(parked.headers()).containsKey("x-exception-message");
        }
        assertThat(attempts(poison)).isEqualTo(4);
        assertThat(received(poison)).isZero();
        assertThat(processed(poison))
                .as("a failed effect leaves no processed record")
                .isZero();
    }

    @Test
    void unknownEventTypeIsDeadLetteredWithoutRetry() {
        assertDeadLetteredWithoutRetry("orderflow.order.NoSuchEvent.v1", orderId -> "{}", "after unknown");
    }

    @Test
    void malformedPayloadIsDeadLetteredWithoutRetry() {
        assertDeadLetteredWithoutRetry(
                "orderflow.order.OrderCreated.v1",
                orderId -> "{\"order_id\":\"" + orderId + "\",\"amount\":{\"fen\":-5}}",
                "after malformed");
    }

    /**
     * A message of {@code ceType} with the payload made for its order id is dead-lettered after one attempt, and the
     * message behind it (described {@code behindIt}) is consumed.
     */
    private void assertDeadLetteredWithoutRetry(String ceType, Function<String, String> payload, String behindIt) {
        String orderId = newOrderId();
        String ceId = UUID.randomUUID().toString();
        send(orderId, headers(ceId, ceType, "/somewhere", orderId), payload.apply(orderId));
        String behind = append(orderCreated(orderId, behindIt));

        await().atMost(WAIT).until(() -> received(behind) == 1);
        try (TopicProbe deadLetters = new TopicProbe(TestKafka.bootstrapServers(), DLT)) {
            assertThat(deadLetters.awaitKey(orderId, 1, WAIT))
                    .extracting(r -> r.header("ce_id"))
                    .containsExactly(ceId);
        }
        assertThat(attempts(ceId)).isEqualTo(1);
    }

    @Test
    void redeliveredMessageIsANoOp() {
        String orderId = newOrderId();
        String ceId = UUID.randomUUID().toString();
        Map<String, String> headers =
                headers(ceId, "orderflow.order.OrderCreated.v1", "/orderflow/order-service", orderId);
        String json = new String(new EventCodec().encode(orderCreated(orderId, "twice")), StandardCharsets.UTF_8);
        send(orderId, headers, json);
        send(orderId, headers, json);

        await().atMost(WAIT).until(() -> attempts(ceId) == 2);
        assertThat(received(ceId)).isEqualTo(1);
        assertThat(processed(ceId)).isEqualTo(1);
    }

    /** CloudEvents binary-mode headers. */
    private static Map<String, String> headers(String ceId, String ceType, String ceSource, String subject) {
        return Map.of(
                "ce_id",
                ceId,
                "ce_type",
                ceType,
                "ce_specversion",
                "1.0",
                "ce_source",
                ceSource,
                "ce_subject",
                subject);
    }

    private static void send(String key, Map<String, String> headers, String json) {
        Map<String, Object> config = Map.of("bootstrap.servers", TestKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(EventTypes.ORDER_EVENTS_TOPIC, key, json.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
            producer.flush();
        }
    }

    private long processed(String ceId) {
        return single("select count(*) from processed_message where ce_id = ?", ceId, Long.class);
    }
}
