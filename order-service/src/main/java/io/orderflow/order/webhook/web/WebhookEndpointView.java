package io.orderflow.order.webhook.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.order.webhook.WebhookEndpoint;
import io.orderflow.order.webhook.WebhookEndpointManagement;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A webhook endpoint as the shop sees it; {@code secret} only in the answers of create and rotate. */
@Schema(name = "WebhookEndpoint")
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookEndpointView(
        @JsonProperty("endpoint_id") String endpointId,
        String url,

        @Schema(description = "order.pending, order.success, order.failed, order.closed, order.refund or *")
        List<String> types,

        boolean enabled,

        @Schema(description = "generation of the current secret, from 1; +1 per rotation")
        @JsonProperty("secret_generation")
        int secretGeneration,

        @Schema(description = "until then the previous secret signs too (a second v1= in Orderflow-Signature)")
        @JsonProperty("previous_secret_valid_until")
        Instant previousSecretValidUntil,

        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,

        @Schema(description = "the signing secret; shown only here, once: store it in the receiver")
        String secret) {

    static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return of(endpoint, null);
    }

    static WebhookEndpointView of(WebhookEndpointManagement.WithSecret created) {
        return of(created.endpoint(), created.secret());
    }

    private static WebhookEndpointView of(WebhookEndpoint endpoint, String secret) {
        return new WebhookEndpointView(
                endpoint.endpointId(),
                endpoint.url(),
                endpoint.types(),
                endpoint.enabled(),
                endpoint.secretGeneration(),
                endpoint.previousSecretValidUntil(),
                endpoint.createdAt(),
                endpoint.updatedAt(),
                secret);
    }

    /** All endpoints of a shop. */
    record List_(@JsonProperty("webhook_endpoints") List<WebhookEndpointView> endpoints) {}

    @Schema(name = "CreateWebhookEndpointRequest")
    record Create(
            @Schema(description = "https URL on the public internet")
            String url,

            @Schema(description = "default [\"*\"]") List<String> types,
            @Schema(description = "default true") Boolean enabled) {}

    @Schema(name = "UpdateWebhookEndpointRequest")
    record Update(String url, List<String> types, Boolean enabled) {}

    @Schema(name = "RotateWebhookSecretRequest")
    record Rotate(
            @Schema(description = "seconds the previous secret keeps signing; default 86400, at most 604800")
            @JsonProperty("overlap_seconds")
            Long overlapSeconds) {}
}
