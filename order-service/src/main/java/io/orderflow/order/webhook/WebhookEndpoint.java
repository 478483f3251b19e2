package io.orderflow.order.webhook;

import io.orderflow.events.WebhookEndpointChanged;
import java.time.Instant;
import java.util.List;

/**
 * A shop's webhook endpoint as stored; its secrets are derived from {@code secretGeneration} (and the previous
 * generation until {@code previousSecretValidUntil}).
 */
public record WebhookEndpoint(
        String endpointId,
        String shopId,
        String url,
        List<String> types,
        boolean enabled,
        int secretGeneration,
        Integer previousSecretGeneration,
        Instant previousSecretValidUntil,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    public WebhookEndpoint {
        types = List.copyOf(types);
    }

    WebhookEndpoint changed(String newUrl, List<String> newTypes, boolean newEnabled, Instant now) {
        return new WebhookEndpoint(
                endpointId,
                shopId,
                newUrl,
                newTypes,
                newEnabled,
                secretGeneration,
                previousSecretGeneration,
                previousSecretValidUntil,
                version + 1,
                createdAt,
                now,
                deletedAt);
    }

    WebhookEndpoint rotated(Instant previousValidUntil, Instant now) {
        return new WebhookEndpoint(
                endpointId,
                shopId,
                url,
                types,
                enabled,
                secretGeneration + 1,
                secretGeneration,
                previousValidUntil,
                version + 1,
                createdAt,
                now,
                deletedAt);
    }

    WebhookEndpoint deleted(Instant now) {
        return new WebhookEndpoint(
                endpointId, shopId, url, types, false, secretGeneration, null, null, version + 1, createdAt, now, now);
    }

    WebhookEndpointChanged event() {
        return new WebhookEndpointChanged(
                endpointId,
                shopId,
                version,
                url,
                types,
                enabled,
                secretGeneration,
                previousSecretGeneration,
                previousSecretValidUntil,
                deletedAt != null,
                updatedAt);
    }
}
