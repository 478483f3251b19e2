package io.orderflow.platform.messaging;

import io.orderflow.platform.tracing.TraceContinuation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each received event at most once per consumer: the {@code (consumer, ce_id)} record and the effect commit
 * in one database transaction, so a redelivery finds the record and is a no-op, and a failed effect leaves no record
 * behind (the broker redelivers it). Together with at-least-once delivery this is exactly-once processing.
 *
 * <p>A batch from one poll is one transaction: the records of all its {@code ce_id}s are inserted in one statement,
 * and only the events that statement inserted are applied, in the batch's order per key (keys are taken in sorted
 * order so that two batches locking the same orders cannot deadlock). When the batch fails, its events are applied
 * one by one, each in its own transaction, so that a poison event reaches the dead-letter topic alone
 * ({@link BatchListenerFailedException} names it to the container's error handler) and the others still apply.
 *
 * <p>While the database is away ({@link DatabaseOutage}) the work is tried again in place, for up to
 * {@code outagePatience}, instead of spending the binding's few attempts and ending in the dead-letter topic.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final String consumer;
    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RetryTemplate outageRetry;
    private final TraceContinuation traces;

    public IdempotentConsumer(
            String consumer,
            EventCodec codec,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Duration outagePatience) {
        this(consumer, codec, jdbc, transactions, outagePatience, TraceContinuation.none());
    }

    public IdempotentConsumer(
            String consumer,
            EventCodec codec,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Duration outagePatience,
            TraceContinuation traces) {
        this.consumer = consumer;
        this.codec = codec;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outageRetry = DatabaseOutage.retry(outagePatience);
        this.traces = traces;
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
            log.info(
                    "{} already processed {} {}; redelivery ignored",
                    consumer,
                    event.attributes().type(),
                    event.ceId());
            return false;
        }
        return true;
    }

    /**
     * Applies a batch of Kafka records (Spring Cloud Stream batch mode) once each, in one transaction; returns how
     * many were applied (the rest were redeliveries).
     *
     * @throws BatchListenerFailedException naming the first record that cannot be applied, after the others before
     *     it were applied one by one
     */
    public int acceptBatch(Message<List<byte[]>> batch, Consumer<InboundEvent> effect) {
        List<ReceivedRecord> records = ReceivedRecord.of(batch);
        List<InboundEvent> events = new ArrayList<>(records.size());
        for (ReceivedRecord record : records) {
            try {
                events.add(decode(record));
            } catch (NonRetryableEventException e) {
                // the records before it are applied first, so the error handler can commit them and skip this one
                applyOneByOne(events, effect);
                throw new BatchListenerFailedException(e.getMessage(), e, record.index());
            }
        }
        try {
            return outageRetry.invoke(() -> applyBatchOnce(events, effect));
        } catch (EffectFailed failed) {
            // the events before it apply on their own; it alone is retried (then dead-lettered) by the error handler
            log.debug(
                    "{}: event {} failed in a batch of {}: {}",
                    consumer,
                    failed.event.ceId(),
                    events.size(),
                    failed.getCause().toString());
            applyOneByOne(
                    events.stream()
                            .filter(e -> e.index() < failed.event.index())
                            .toList(),
                    effect);
            throw new BatchListenerFailedException(
                    "event " + failed.event.ceId() + " of " + consumer + " failed",
                    failed.getCause(),
                    failed.event.index());
        } catch (RuntimeException e) {
            if (DatabaseOutage.isOutage(e)) {
                throw e;
            }
            log.debug(
                    "{}: a batch of {} failed ({}); applying its events one by one",
                    consumer,
                    events.size(),
                    e.toString());
            return applyOneByOne(events, effect);
        }
    }

    private InboundEvent decode(ReceivedRecord record) {
        CloudEventEnvelope.Attributes attributes = record.attributes();
        return new InboundEvent(
                attributes, codec.decode(attributes.type(), record.payload()), record.traceParent(), record.index());
    }

    private int applyBatchOnce(List<InboundEvent> events, Consumer<InboundEvent> effect) {
        Integer applied = transactions.execute(status -> {
            Set<String> fresh = new HashSet<>(jdbc.sql("""
                    insert into processed_message (consumer, ce_id, ce_type)
                    select :consumer, id, type from unnest(cast(:ids as text[]), cast(:types as text[])) as e(id, type)
                    on conflict do nothing
                    returning ce_id""")
                    .param("consumer", consumer)
                    .param("ids", events.stream().map(InboundEvent::ceId).toArray(String[]::new))
                    .param(
                            "types",
                            events.stream().map(e -> e.attributes().type()).toArray(String[]::new))
                    .query(String.class)
                    .list());
            List<InboundEvent> ordered = events.stream()
                    .filter(e -> fresh.remove(e.ceId()))
                    .sorted(Comparator.comparing(e -> String.valueOf(e.event().subject())))
                    .toList();
            for (InboundEvent event : ordered) {
                try {
                    traced(event, effect);
                } catch (RuntimeException e) {
                    throw new EffectFailed(event, e);
                }
            }
            return ordered.size();
        });
        return applied == null ? 0 : applied;
    }

    /** Applies each event in its own transaction; the first that fails is reported by its index in the batch. */
    private int applyOneByOne(List<InboundEvent> events, Consumer<InboundEvent> effect) {
        int applied = 0;
        for (InboundEvent event : events) {
            try {
                applied += apply(event, effect) ? 1 : 0;
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(
                        "event " + event.ceId() + " of " + consumer + " failed", e, event.index());
            }
        }
        return applied;
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
            traced(event, effect);
            return true;
        });
    }

    /** The effect under the record's trace, so that what it appends to the outbox stays in that trace. */
    private void traced(InboundEvent event, Consumer<InboundEvent> effect) {
        traces.within(event.traceParent(), consumer + " " + event.attributes().type(), () -> effect.accept(event));
    }

    /** An event's effect failed inside a batch; the batch rolls back. */
    private static final class EffectFailed extends RuntimeException {

        private final transient InboundEvent event;

        EffectFailed(InboundEvent event, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.event = event;
        }
    }
}
