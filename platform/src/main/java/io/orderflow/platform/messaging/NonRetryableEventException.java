package io.orderflow.platform.messaging;

/**
 * A message that no retry can help: it goes to the dead-letter topic at once. Every
 * binding lists this class under {@code retryable-exceptions} with {@code false}.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
