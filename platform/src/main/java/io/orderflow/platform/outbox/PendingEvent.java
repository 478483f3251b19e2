package io.orderflow.platform.outbox;

import io.orderflow.platform.messaging.CloudEventEnvelope;

/**
 * One outbox row waiting to be published.
 *
 * @param sequenceNo the row's position in the outbox (publication order)
 * @param attributes its CloudEvents attributes
 * @param topic the Kafka topic
 * @param key the Kafka record key (the order id)
 * @param payload the event JSON
 * @param traceParent the W3C traceparent of the transaction that appended it, or null
 */
public record PendingEvent(
        long sequenceNo,
        CloudEventEnvelope.Attributes attributes,
        String topic,
        String key,
        byte[] payload,
        String traceParent) {}
