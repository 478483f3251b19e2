package io.orderflow.order.webhook.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.order.shop.Shop;
import io.orderflow.order.shop.web.ShopAuthenticationFilter;
import io.orderflow.platform.webhook.WebhookSecrets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's webhook secret, which signs deliveries to its orders' own {@code notify_url}s (docs/webhooks.md).
 * Derived from the master key and the shop id, never stored, so it can be answered to every signed request of the
 * shop: the shop proves it holds its API secret to read it.
 */
@RestController
@SecurityRequirement(name = "shopSignature")
class WebhookSecretController {

    private final WebhookSecrets secrets;

    WebhookSecretController(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    @Operation(
            operationId = "getWebhookSecret",
            summary = "The shop's webhook secret: verifies deliveries to its orders' own notify_url")
    @GetMapping(path = "/v1/webhook-secret", produces = "application/json")
    ShopSecret secret(@Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop) {
        return new ShopSecret(secrets.shopSecret(shop.shopId()));
    }

    @Schema(name = "WebhookSecret")
    record ShopSecret(
            @Schema(
                    description =
                            "whsec_…: verifies the Orderflow-Signature of deliveries to the notify_url of the shop's orders (each endpoint has its own)")
            @JsonProperty("secret")
            String secret) {}
}
