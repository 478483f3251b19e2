package io.orderflow.platform.messaging;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Bounds how long a binding's consumer waits for the broker when it closes. spring-kafka closes its consumers with
 * {@code close()}, which waits up to 30 s: the consumer first leaves its group (on the coordinator's connection),
 * then closes its fetch sessions, and that request queues behind the fetch in flight, which the broker holds for up
 * to {@code fetch.max.wait.ms} when there is nothing to read. A service whose consumers wait long for records (the
 * local stack's 10 s, to be quiet when idle) took that long to stop for each of its bindings, one after the other:
 * 30 s for three bindings, longer than the launcher waits, so the JVM was killed before it could write its class-data
 * cache. Here {@code close()} becomes {@code close(timeout)}: leaving the group comes first and still completes; a
 * fetch session left open is forgotten by the broker when it is evicted. The offsets were already committed by the
 * container; anything not committed is delivered again and dropped by {@code ce_id}.
 */
public class BoundedConsumerClose implements ClientFactoryCustomizer {

    private final Duration timeout;

    /** @param timeout how long a closing consumer waits for the broker at most */
    public BoundedConsumerClose(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(
                    "orderflow.messaging.close-timeout must not be negative, was " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public void configure(ConsumerFactory<?, ?> factory) {
        if (factory instanceof DefaultKafkaConsumerFactory<?, ?> defaults) {
            addTo(defaults);
        }
    }

    private <K, V> void addTo(DefaultKafkaConsumerFactory<K, V> factory) {
        factory.addPostProcessor(consumer -> bounded(consumer, timeout));
    }

    /** The consumer, whose {@code close()} waits at most {@code timeout}; every other call goes to it unchanged. */
    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> bounded(Consumer<K, V> consumer, Duration timeout) {
        return (Consumer<K, V>) Proxy.newProxyInstance(
                Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        consumer.close(CloseOptions.timeout(timeout));
                        return null;
                    }
                    try {
                        return method.invoke(consumer, arguments);
                    } catch (InvocationTargetException e) {
                        // the consumer's own exception (a WakeupException that ends a poll, say), not a wrapper
                        throw e.getCause();
                    }
                });
    }
}
