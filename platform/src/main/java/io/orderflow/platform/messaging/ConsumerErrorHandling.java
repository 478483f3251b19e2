package io.orderflow.platform.messaging;

import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters of the batch-mode consumer bindings, done by spring-kafka's {@link DefaultErrorHandler}
 * in the listener container (the binder's own DLQ handling, in batch mode, would park every record of a failed
 * batch). The consumer names the record that failed ({@code BatchListenerFailedException}, see
 * {@link IdempotentConsumer#acceptBatch}): the records before it are committed, it is retried with the binding's
 * back-off ({@code max-attempts}, {@code back-off-*}), then published to the binding's {@code dlq-name} with the
 * binder's header names ({@code x-original-topic}, {@code x-exception-message}, …), and consumption goes on behind
 * it. Events that no retry can help ({@link NonRetryableEventException}) go to the dead-letter topic at once.
 *
 * <p>It also sets how the containers commit offsets: at most once a second ({@code AckMode.TIME}) instead of after
 * every batch. Each commit is a request and a log append at the broker; committing less often only means that
 * after a crash or a rebalance up to a second more records are delivered again, which the consumers drop by
 * {@code ce_id}.
 */
public class ConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    /** How often a container commits the offsets of what it applied. */
    static final long COMMIT_INTERVAL_MS = 1000;

    private final KafkaOperations<?, ?> deadLetters;
    private final Duration pollTimeout;

    /**
     * @param pollTimeout how long an idle container's poll waits before it looks again (spring-kafka's 5 s by
     *     default; the local stack waits longer, since records and rebalances end a poll at once anyway)
     */
    public ConsumerErrorHandling(KafkaOperations<?, ?> deadLetters, Duration pollTimeout) {
        this.deadLetters = deadLetters;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            BackOff backOff) {
        DefaultErrorHandler handler = dlqDestinationResolver == null
                ? new DefaultErrorHandler(backOff != null ? backOff : new FixedBackOff(0L, 0L))
                : new DefaultErrorHandler(
                        recoverer(dlqDestinationResolver), backOff != null ? backOff : new FixedBackOff(0L, 0L));
        handler.addNotRetryableExceptions(NonRetryableEventException.class);
        container.setCommonErrorHandler(handler);
        container.getContainerProperties().setAckMode(ContainerProperties.AckMode.TIME);
        container.getContainerProperties().setAckTime(COMMIT_INTERVAL_MS);
        container.getContainerProperties().setPollTimeout(pollTimeout.toMillis());
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @SuppressWarnings("unchecked")
    private DeadLetterPublishingRecoverer recoverer(
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        DeadLetterPublishingRecoverer recoverer =
                new DeadLetterPublishingRecoverer((KafkaOperations<Object, Object>) deadLetters, destination);
        recoverer.setHeaderNamesSupplier(() -> DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                .offsetHeader("x-original-offset")
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .topicHeader("x-original-topic")
                .partitionHeader("x-original-partition")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage("x-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace("x-exception-stacktrace")
                .build());
        return recoverer;
    }
}
