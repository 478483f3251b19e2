package io.orderflow.notify.webhook;

import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.WebhookEndpointChanged;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.work.DueWorker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

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

    WebhookIntake(WebhookEndpoints endpoints, WebhookDeliveries deliveries, EventCodec codec, DueWorker dispatcher,
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

    public void statusChanged(String ceId, OrderStatusChanged changed) {
        String body = new String(codec.encode(changed), StandardCharsets.UTF_8);
        int queued = changed.notifyUrl() != null
                ? deliveries.intakeOwnUrl(changed.shopId(), changed.orderId(), changed.version(), ceId, typeOf(changed),
                        changed.occurredAt(), body, changed.notifyUrl(), clock.instant())
                : deliveries.intake(changed.shopId(), changed.orderId(), changed.version(), ceId, typeOf(changed),
                        changed.occurredAt(), body, clock.instant());
        if (queued > 0) {
            dispatcher.wakeAfterCommit();
        }
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
