package io.orderflow.notify.webhook;

import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.WebhookEndpointChanged;
import io.orderflow.testkit.Broker;
import io.orderflow.testkit.OrderStatusChangedBuilder;
import io.orderflow.testkit.WebhookEndpointChangedBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** order-service's events as the webhook tests need them, published as order-service would. */
final class Events {

    private Events() {}

    static WebhookEndpointChanged endpoint(
            String endpointId, String shopId, long version, String url, List<String> types, boolean enabled) {
        return WebhookEndpointChangedBuilder.endpointChanged(endpointId, shopId, url)
                .withVersion(version)
                .withTypes(types)
                .withEnabled(enabled)
                .build();
    }

    static OrderStatusChanged paid(String orderId, String shopId, long version) {
        return paid(orderId, shopId, version, Instant.now());
    }

    static OrderStatusChanged paid(String orderId, String shopId, long version, Instant occurredAt) {
        return paidChange(orderId, shopId, version).withOccurredAt(occurredAt).build();
    }

    /** The order paid (PENDING to SUCCESS, 8.80 yuan, expiring in half an hour), caused by a notification. */
    private static OrderStatusChangedBuilder paidChange(String orderId, String shopId, long version) {
        return OrderStatusChangedBuilder.changed(orderId, OrderStatus.SUCCESS)
                .withShopId(shopId)
                .withVersion(version)
                .withReason("PAID")
                .withCausationId(UUID.randomUUID().toString())
                .withFen(880)
                .withPaid("4200000000" + version, Instant.now())
                .withExpireAt(Instant.now().plusSeconds(1800));
    }

    /** Publishes; answers the ce_id. */
    static String publish(OrderflowEvent event) {
        return Broker.publish(event);
    }
}
