package io.orderflow.platform.messaging;

/** A {@code ce_type} that the event registry does not know (or no type header at all). */
public class UnknownEventTypeException extends NonRetryableEventException {

    public UnknownEventTypeException(String ceType) {
        super("unknown event type '" + ceType + "'", null);
    }
}
