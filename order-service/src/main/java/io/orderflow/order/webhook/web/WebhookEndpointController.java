package io.orderflow.order.webhook.web;

import io.orderflow.order.shop.Shop;
import io.orderflow.order.shop.web.ShopAuthenticationFilter;
import io.orderflow.order.webhook.WebhookEndpointManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shop API's webhook endpoints (docs/webhooks.md): register, list, read, change, delete, rotate the secret. */
@RestController
@RequestMapping(path = "/v1/webhook-endpoints", produces = "application/json")
@SecurityRequirement(name = "shopSignature")
class WebhookEndpointController {

    private static final String URL_CODES = "WEBHOOK_URL_INVALID, WEBHOOK_URL_NOT_HTTPS, WEBHOOK_URL_HOST_UNKNOWN, "
            + "WEBHOOK_URL_ADDRESS_FORBIDDEN, WEBHOOK_TYPE_UNKNOWN, FIELD_INVALID, BODY_INVALID";

    private final WebhookEndpointManagement endpoints;

    WebhookEndpointController(WebhookEndpointManagement endpoints) {
        this.endpoints = endpoints;
    }

    @Operation(
            operationId = "createWebhookEndpoint",
            summary = "Register a webhook endpoint; the answer holds its signing secret, shown only this once")
    @ApiResponse(responseCode = "201", description = "registered")
    @ApiResponse(responseCode = "400", description = "a bad URL or type (" + URL_CODES + ")")
    @ApiResponse(responseCode = "409", description = "too many endpoints (WEBHOOK_ENDPOINT_LIMIT_REACHED)")
    @PostMapping
    ResponseEntity<WebhookEndpointView> create(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @RequestBody WebhookEndpointView.Create request) {
        WebhookEndpointManagement.WithSecret created =
                endpoints.create(shop.shopId(), request.url(), request.types(), request.enabled());
        return ResponseEntity.created(
                        URI.create("/v1/webhook-endpoints/" + created.endpoint().endpointId()))
                .body(WebhookEndpointView.of(created));
    }

    @Operation(
            operationId = "listWebhookEndpoints",
            summary = "List the shop's webhook endpoints (never their secrets)")
    @GetMapping
    WebhookEndpointView.List_ list(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop) {
        return new WebhookEndpointView.List_(endpoints.list(shop.shopId()).stream()
                .map(WebhookEndpointView::of)
                .toList());
    }

    @Operation(operationId = "getWebhookEndpoint", summary = "Read a webhook endpoint")
    @EndpointNotFound
    @GetMapping("/{endpoint_id}")
    WebhookEndpointView get(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("endpoint_id") String endpointId) {
        return WebhookEndpointView.of(endpoints.find(shop.shopId(), endpointId));
    }

    @Operation(
            operationId = "updateWebhookEndpoint",
            summary = "Change the URL, the types or enabled (fields left out stay as they are)")
    @ApiResponse(responseCode = "400", description = "a bad URL or type (" + URL_CODES + ")")
    @EndpointNotFound
    @PatchMapping("/{endpoint_id}")
    WebhookEndpointView update(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("endpoint_id") String endpointId,
            @RequestBody WebhookEndpointView.Update request) {
        return WebhookEndpointView.of(
                endpoints.update(shop.shopId(), endpointId, request.url(), request.types(), request.enabled()));
    }

    @Operation(
            operationId = "deleteWebhookEndpoint",
            summary = "Delete a webhook endpoint: nothing more is delivered to it")
    @ApiResponse(responseCode = "204", description = "deleted")
    @EndpointNotFound
    @DeleteMapping("/{endpoint_id}")
    ResponseEntity<Void> delete(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("endpoint_id") String endpointId) {
        endpoints.delete(shop.shopId(), endpointId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate the signing secret; the previous one keeps signing for overlap_seconds")
    @ApiResponse(responseCode = "200", description = "the endpoint with its new secret, shown only this once")
    @EndpointNotFound
    @PostMapping("/{endpoint_id}/secret")
    WebhookEndpointView rotate(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("endpoint_id") String endpointId,
            @RequestBody(required = false) WebhookEndpointView.Rotate request) {
        Long seconds = request == null ? null : request.overlapSeconds();
        return WebhookEndpointView.of(
                endpoints.rotate(shop.shopId(), endpointId, seconds == null ? null : Duration.ofSeconds(seconds)));
    }
}
