package io.orderflow.platform.outbox;

import io.orderflow.platform.messaging.CloudEventEnvelope;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;

/**
 * Correlates the Kafka binder's asynchronous send results with the events the relay sent,
 * by {@code ce_id}: the binder reports each success on the record-metadata channel and each
 * failure on the error channel. This lets the relay send a whole batch and then wait once,
 * instead of paying a broker round trip per event.
 */
public class SendAcknowledgements {

    private final Map<String, CompletableFuture<Void>> awaiting = new ConcurrentHashMap<>();

    CompletableFuture<Void> expect(String ceId) {
        return awaiting.computeIfAbsent(ceId, id -> new CompletableFuture<>());
    }

    void forget(String ceId) {
        awaiting.remove(ceId);
    }

    /** A message from the binder's record-metadata channel: the broker has the record. */
    public void acknowledged(Message<?> sent) {
        complete(sent, null);
    }

    /** A message from the error channel; only failed sends of relay events concern us. */
    public void failed(Message<?> error) {
        if (error instanceof ErrorMessage errorMessage
                && errorMessage.getPayload() instanceof MessagingException failure
                && failure.getFailedMessage() != null) {
            complete(failure.getFailedMessage(), failure);
        }
    }

    private void complete(Message<?> message, Throwable failure) {
        Object id = message.getHeaders().get(CloudEventEnvelope.ID);
        CompletableFuture<Void> future = id == null ? null : awaiting.remove(id.toString());
        if (future == null) {
            return;
        }
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(failure);
        }
    }
}
