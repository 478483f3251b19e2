package io.orderflow.platform.messaging;

/** A payload that does not parse as the record its {@code ce_type} names. */
public class MalformedEventException extends NonRetryableEventException {

    public MalformedEventException(String ceType, Throwable cause) {
        super("payload is not a valid " + ceType + ": " + cause.getMessage(), cause);
    }
}
