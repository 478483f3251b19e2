package io.orderflow.events;

import java.time.Instant;
import java.util.List;

/**
 * A shop's webhook endpoint was created, changed, rotated or deleted; notify-service keeps a copy and delivers
 * the shop's order status changes to it. Carries the secret's generations, never a secret: both services derive
 * the secret of a generation from a master key they share (docs/adr/0018-shop-webhooks.md).
 *
 * @param endpointId orderflow's id of the endpoint ({@code we_…}); required
 * @param shopId id of the shop that owns the endpoint; required
 * @param version per-endpoint sequence number: 1 for creation, then rising by exactly 1 per change; a consumer
 *     ignores a change whose version is not above the one it holds; required
 * @param url absolute URL deliveries are POSTed to, checked by order-service (https outside local runs, no
 *     private addresses unless the deployment allows them); required
 * @param types the event types wanted, {@code order.<status in lower case>} or {@code *} for all; required,
 *     not empty
 * @param enabled false when the shop switched the endpoint off; nothing is delivered to it then
 * @param secretGeneration generation of the endpoint's current signing secret, from 1; required
 * @param previousSecretGeneration generation of the secret that still signs during a rotation's overlap; null
 *     when there is none
 * @param previousSecretValidUntil instant the previous secret stops signing; null exactly when
 *     {@code previousSecretGeneration} is
 * @param deleted true when the shop deleted the endpoint: this is its last change
 * @param occurredAt instant the change was committed; required
 */
public record WebhookEndpointChanged(
        String endpointId,
        String shopId,
        long version,
        String url,
        List<String> types,
        boolean enabled,
        int secretGeneration,
        @Nullable Integer previousSecretGeneration,
        @Nullable Instant previousSecretValidUntil,
        boolean deleted,
        Instant occurredAt)
        implements OrderServiceEvent {

    public WebhookEndpointChanged {
        Checks.present(endpointId, "endpointId");
        Checks.present(shopId, "shopId");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
        Checks.present(url, "url");
        Checks.present(types, "types");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("types must not be empty");
        }
        types = List.copyOf(types);
        if (secretGeneration < 1) {
            throw new IllegalArgumentException("secretGeneration starts at 1: " + secretGeneration);
        }
        if ((previousSecretGeneration == null) != (previousSecretValidUntil == null)) {
            throw new IllegalArgumentException("previousSecretGeneration and previousSecretValidUntil go together");
        }
        Checks.present(occurredAt, "occurredAt");
    }

    @Override
    public String subject() {
        return endpointId;
    }
}
