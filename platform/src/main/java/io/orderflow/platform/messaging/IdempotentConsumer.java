package io.orderflow.platform.messaging;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each received event at most once per consumer: the {@code (consumer, ce_id)}
 * record and the effect commit in one database transaction, so a redelivery finds the
 * record and is a no-op, and a failed effect leaves no record behind (the broker
 * redelivers it). Together with at-least-once delivery this is exactly-once processing.
 *
 * <p>While the database is away ({@link DatabaseOutage}) the event is tried again in place, for up to
 * {@code outagePatience}, instead of spending the binding's few attempts and ending in the dead-letter topic.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final String consumer;
    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RetryTemplate outageRetry;

    public IdempotentConsumer(String consumer, EventCodec codec, JdbcClient jdbc, TransactionTemplate transactions,
                              Duration outagePatience) {
        this.consumer = consumer;
        this.codec = codec;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outageRetry = DatabaseOutage.retry(outagePatience);
    }

    /** Decodes a Kafka message and applies it once; returns false for a redelivery. */
    public boolean accept(Message<byte[]> message, Consumer<InboundEvent> effect) {
        return apply(decode(message), effect);
    }

    public InboundEvent decode(Message<byte[]> message) {
        CloudEventEnvelope.Attributes attributes = CloudEventEnvelope.read(message);
        return new InboundEvent(attributes, codec.decode(attributes.type(), message.getPayload()));
    }

    /** Applies an already decoded event once; returns false when it was applied before. */
    public boolean apply(InboundEvent event, Consumer<InboundEvent> effect) {
        Boolean applied = outageRetry.invoke(() -> applyOnce(event, effect));
        if (!Boolean.TRUE.equals(applied)) {
            log.info("{} already processed {} {}; redelivery ignored", consumer, event.attributes().type(), event.ceId());
            return false;
        }
        return true;
    }

    private Boolean applyOnce(InboundEvent event, Consumer<InboundEvent> effect) {
        return transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into processed_message (consumer, ce_id, ce_type)
                    values (:consumer, :ceId, :ceType)
                    on conflict do nothing""")
                    .param("consumer", consumer)
                    .param("ceId", event.ceId())
                    .param("ceType", event.attributes().type())
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.accept(event);
            return true;
        });
    }
}
