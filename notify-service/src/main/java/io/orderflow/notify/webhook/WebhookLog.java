package io.orderflow.notify.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/** The operator's use cases: read the delivery log, read an endpoint's state, redeliver. */
public class WebhookLog {

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final Runnable wake;
    private final Clock clock;

    WebhookLog(WebhookDeliveries deliveries, WebhookEndpoints endpoints, Runnable wake, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.wake = wake;
        this.clock = clock;
    }

    /** The order's deliveries, newest first; only those of {@code shopId} when given (the shop API's view). */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ofOrder(String orderId, String shopId, int limit) {
        return deliveries.log("order_id", orderId, shopId, limit);
    }

    /** The endpoint's deliveries, newest first; only those of {@code shopId} when given. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ofEndpoint(String endpointId, String shopId, int limit) {
        return deliveries.log("endpoint_id", endpointId, shopId, limit);
    }

    /** The endpoint's delivery state; empty when unknown or, with {@code shopId}, another shop's. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> endpoint(String endpointId, String shopId) {
        return endpoints.view(endpointId).filter(view -> shopId == null || shopId.equals(view.get("shop_id")));
    }

    /** Sends one delivery again now, with a fresh schedule; false when there is no such delivery. */
    @Transactional
    public boolean redeliver(UUID deliveryId) {
        boolean found = deliveries.redeliver(deliveryId, clock.instant());
        wake.run();
        return found;
    }

    /** Sends again every failed delivery of the endpoint created since then; answers how many. */
    @Transactional
    public int redeliverFailed(String endpointId, Instant since) {
        int count = deliveries.redeliverFailed(endpointId, since, clock.instant());
        wake.run();
        return count;
    }
}
