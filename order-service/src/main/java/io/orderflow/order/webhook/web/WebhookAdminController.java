package io.orderflow.order.webhook.web;

import io.orderflow.order.webhook.WebhookEndpointManagement;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's view of a shop's webhook endpoints, {@code /admin/v1/shops/{shop_id}/webhook-endpoints}
 * (behind the admin bearer token): the same use cases as the shop's own API, for support.
 */
@RestController
@RequestMapping(path = "/admin/v1/shops/{shop_id}/webhook-endpoints", produces = "application/json")
class WebhookAdminController {

    private final WebhookEndpointManagement endpoints;

    WebhookAdminController(WebhookEndpointManagement endpoints) {
        this.endpoints = endpoints;
    }

    @PostMapping
    ResponseEntity<WebhookEndpointView> create(
            @PathVariable("shop_id") String shopId, @RequestBody WebhookEndpointView.Create request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(WebhookEndpointView.of(
                        endpoints.create(shopId, request.url(), request.types(), request.enabled())));
    }

    @GetMapping
    WebhookEndpointView.List_ list(@PathVariable("shop_id") String shopId) {
        return new WebhookEndpointView.List_(
                endpoints.list(shopId).stream().map(WebhookEndpointView::of).toList());
    }

    @PatchMapping("/{endpoint_id}")
    WebhookEndpointView update(
            @PathVariable("shop_id") String shopId,
            @PathVariable("endpoint_id") String endpointId,
            @RequestBody WebhookEndpointView.Update request) {
        return WebhookEndpointView.of(
                endpoints.update(shopId, endpointId, request.url(), request.types(), request.enabled()));
    }

    @DeleteMapping("/{endpoint_id}")
    ResponseEntity<Void> delete(
            @PathVariable("shop_id") String shopId, @PathVariable("endpoint_id") String endpointId) {
        endpoints.delete(shopId, endpointId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{endpoint_id}/secret")
    WebhookEndpointView rotate(
            @PathVariable("shop_id") String shopId,
            @PathVariable("endpoint_id") String endpointId,
            @RequestBody(required = false) WebhookEndpointView.Rotate request) {
        Long seconds = request == null ? null : request.overlapSeconds();
        return WebhookEndpointView.of(
                endpoints.rotate(shopId, endpointId, seconds == null ? null : Duration.ofSeconds(seconds)));
    }
}
