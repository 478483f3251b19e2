package io.orderflow.platform.messaging;

import io.orderflow.events.OrderflowEvent;

/**
 * A received event: its CloudEvents attributes and the decoded record.
 *
 * @param attributes the envelope; {@code attributes().id()} is the deduplication key
 * @param event the payload as its contract record
 * @param traceParent the W3C {@code traceparent} it travelled with, or null
 * @param index its position in the batch it arrived in (0 outside batches)
 */
public record InboundEvent(
        CloudEventEnvelope.Attributes attributes, OrderflowEvent event, String traceParent, int index) {

    public InboundEvent(CloudEventEnvelope.Attributes attributes, OrderflowEvent event) {
        this(attributes, event, null, 0);
    }

    public String ceId() {
        return attributes.id();
    }
}
