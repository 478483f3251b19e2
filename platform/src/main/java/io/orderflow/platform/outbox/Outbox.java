package io.orderflow.platform.outbox;

import io.orderflow.events.EventType;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.messaging.CloudEventEnvelope;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.tracing.TraceContinuation;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the outbox inside the caller's transaction: they are published if and
 * only if that transaction commits. Calling it outside a transaction is a programming
 * error and fails.
 */
public class Outbox {

    private final String service;
    private final OutboxStore store;
    private final EventCodec codec;
    private final Clock clock;
    private final Runnable onCommit;
    private final TraceContinuation traces;

    Outbox(String service, OutboxStore store, EventCodec codec, Clock clock, Runnable onCommit) {
        this(service, store, codec, clock, onCommit, TraceContinuation.none());
    }

    Outbox(
            String service,
            OutboxStore store,
            EventCodec codec,
            Clock clock,
            Runnable onCommit,
            TraceContinuation traces) {
        this.service = service;
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.onCommit = onCommit;
        this.traces = traces;
        if (EventTypes.all().stream().noneMatch(type -> type.service().equals(service))) {
            throw new IllegalStateException("orderflow.service '" + service + "' publishes no event type; "
                    + "expected one of the services in io.orderflow.events.EventTypes");
        }
    }

    /**
     * Records an event of this service for publication.
     *
     * @return the {@code ce_id} the event will carry
     */
    public String append(OrderflowEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the caller's transaction: the event must commit "
                    + "with the change it announces");
        }
        EventType<?> type = typeOf(event);
        String id = UUID.randomUUID().toString();
        CloudEventEnvelope.Attributes attributes = new CloudEventEnvelope.Attributes(
                id, type.ceType(), EventTypes.source(service), event.subject(), clock.instant());
        store.insert(attributes, type.topic(), event.subject(), codec.encode(event), traces.current());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                onCommit.run();
            }
        });
        return id;
    }

    /** The registry decides the type (PaymentNotified by its source); it must be this service's. */
    private EventType<?> typeOf(OrderflowEvent event) {
        EventType<?> type = EventTypes.of(event);
        if (!type.service().equals(service)) {
            throw new IllegalArgumentException(
                    service + " does not publish " + event.getClass().getSimpleName() + " as " + type.ceType()
                            + " (see io.orderflow.events.EventTypes)");
        }
        return type;
    }
}
