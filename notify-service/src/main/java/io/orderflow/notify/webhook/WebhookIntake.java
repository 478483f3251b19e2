package io.orderflow.notify.webhook;

import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.WebhookEndpointChanged;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.work.DueWorker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the consumers do, inside their transaction: keep the endpoints' copy current, and turn each status change
 * into one delivery per endpoint that wants it. The body is the change's JSON, written once, so a later change of
 * the endpoint does not change what is delivered. An order created with its own {@code notify_url} gets one
 * delivery per change, there, instead of the shop's endpoints'.
 */
public class WebhookIntake {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final EventCodec codec;
    private final DueWorker dispatcher;
    private final Clock clock;

    WebhookIntake(
            WebhookEndpoints endpoints,
            WebhookDeliveries deliveries,
            EventCodec codec,
            DueWorker dispatcher,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The webhook type of a change: {@code order.<status after it>}. */
    static String typeOf(OrderStatusChanged changed) {
        return "order." + changed.to().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Queues the change's deliveries. Inside a transaction (the consumer's batch) the changes for the shops'
     * endpoints are gathered and written in one statement just before it commits; an order's own notify_url, and a
     * call outside a transaction, are written at once.
     */
    public void statusChanged(String ceId, OrderStatusChanged changed) {
        String body = new String(codec.encode(changed), StandardCharsets.UTF_8);
        WebhookDeliveries.Change change = new WebhookDeliveries.Change(
                changed.shopId(),
                changed.orderId(),
                changed.version(),
                ceId,
                typeOf(changed),
                changed.occurredAt(),
                body);
        if (changed.notifyUrl() != null) {
            if (deliveries.intakeOwnUrl(change, changed.notifyUrl(), clock.instant()) > 0) {
                dispatcher.wakeAfterCommit();
            }
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            if (deliveries.intakeAll(List.of(change), clock.instant()) > 0) {
                dispatcher.wakeAfterCommit();
            }
            return;
        }
        gathered().add(change);
    }

    /** This transaction's gathered changes, written by one statement before it commits. */
    @SuppressWarnings("unchecked")
    private List<WebhookDeliveries.Change> gathered() {
        List<WebhookDeliveries.Change> changes =
                (List<WebhookDeliveries.Change>) TransactionSynchronizationManager.getResource(this);
        if (changes == null) {
            List<WebhookDeliveries.Change> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!fresh.isEmpty() && deliveries.intakeAll(fresh, clock.instant()) > 0) {
                        // registered now, it still runs after this commit
                        dispatcher.wakeAfterCommit();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WebhookIntake.this);
                }
            });
            changes = fresh;
        }
        return changes;
    }

    public void endpointChanged(WebhookEndpointChanged changed) {
        if (endpoints.apply(changed)) {
            if (changed.deleted()) {
                deliveries.cancelPending(changed.endpointId());
            } else if (changed.enabled()) {
                dispatcher.wakeAfterCommit();
            }
        }
    }
}
