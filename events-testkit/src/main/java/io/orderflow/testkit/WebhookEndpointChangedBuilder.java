package io.orderflow.testkit;

import io.orderflow.events.WebhookEndpointChanged;
import java.time.Instant;
import java.util.List;

/**
 * Test data builder of order-service's WebhookEndpointChanged: the endpoint's first version, enabled, for every event
 * type ({@code *}), on its first secret with no previous one in overlap, not deleted, changed now; set what the test
 * is about.
 */
public final class WebhookEndpointChangedBuilder {

    private final String endpointId;
    private final String shopId;
    private final String url;
    private long version = 1;
    private List<String> types = List.of("*");
    private boolean enabled = true;
    private int secretGeneration = 1;
    private Integer previousSecretGeneration;
    private Instant previousSecretValidUntil;
    private boolean deleted;
    private Instant occurredAt;

    private WebhookEndpointChangedBuilder(String endpointId, String shopId, String url) {
        this.endpointId = endpointId;
        this.shopId = shopId;
        this.url = url;
    }

    /** The endpoint {@code endpointId} of the shop, delivering to {@code url}. */
    public static WebhookEndpointChangedBuilder endpointChanged(String endpointId, String shopId, String url) {
        return new WebhookEndpointChangedBuilder(endpointId, shopId, url);
    }

    public WebhookEndpointChangedBuilder withVersion(long value) {
        version = value;
        return this;
    }

    /** The event types it subscribes to ({@code *} for all). */
    public WebhookEndpointChangedBuilder withTypes(List<String> value) {
        types = value;
        return this;
    }

    public WebhookEndpointChangedBuilder withEnabled(boolean value) {
        enabled = value;
        return this;
    }

    public WebhookEndpointChangedBuilder withSecretGeneration(int value) {
        secretGeneration = value;
        return this;
    }

    /** The previous secret, still signing beside the current one until {@code validUntil}. */
    public WebhookEndpointChangedBuilder withPreviousSecret(int generation, Instant validUntil) {
        previousSecretGeneration = generation;
        previousSecretValidUntil = validUntil;
        return this;
    }

    public WebhookEndpointChangedBuilder withDeleted(boolean value) {
        deleted = value;
        return this;
    }

    /** When it changed; now (when built) unless set. */
    public WebhookEndpointChangedBuilder withOccurredAt(Instant value) {
        occurredAt = value;
        return this;
    }

    public WebhookEndpointChanged build() {
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
                deleted,
                occurredAt == null ? Instant.now() : occurredAt);
    }
}
