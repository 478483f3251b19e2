package io.orderflow.platform.messaging;

import io.orderflow.events.OrderflowEvent;

/**
 * A received event: its CloudEvents attributes and the decoded record.
 *
 * @param attributes the envelope; {@code attributes().id()} is the deduplication key
 * @param event the payload as its contract record
 */
public record InboundEvent(CloudEventEnvelope.Attributes attributes, OrderflowEvent event) {

    public String ceId() {
        return attributes.id();
    }
}
