package io.orderflow.order.webhook.web;

import io.orderflow.order.order.usecase.OrderManagement;
import io.orderflow.order.shop.Shop;
import io.orderflow.order.shop.web.ShopAuthenticationFilter;
import io.orderflow.order.webhook.WebhookEndpointManagement;
import io.orderflow.order.webhook.WebhookLogClient;
import io.orderflow.order.webhook.WebhookRequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The delivery log as a shop sees it (docs/webhooks.md): the deliveries of one of its orders, and one of its
 * endpoints' delivery state (failing since, disabled and why) with its deliveries, each with every attempt. The log
 * lives in notify-service; this reads it narrowed to the shop, after checking the order or endpoint is the shop's.
 */
@RestController
@SecurityRequirement(name = "shopSignature")
class WebhookDeliveryLogController {

    private final OrderManagement orders;
    private final WebhookEndpointManagement endpoints;
    private final WebhookLogClient log;

    WebhookDeliveryLogController(OrderManagement orders, WebhookEndpointManagement endpoints, WebhookLogClient log) {
        this.orders = orders;
        this.endpoints = endpoints;
        this.log = log;
    }

    @Operation(
            operationId = "listOrderWebhookDeliveries",
            summary = "The webhook deliveries of an order, newest first, each with its attempts")
    @ApiResponse(responseCode = "200", description = "{\"deliveries\": [...]}")
    @DeliveryLogErrors
    @ApiResponse(responseCode = "404", description = "no such order for this shop (ORDER_NOT_FOUND)")
    @GetMapping(path = "/v1/orders/{order_id}/webhook-deliveries", produces = "application/json")
    ResponseEntity<JsonNode> ofOrder(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("order_id") String orderId,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        checkLimit(limit);
        orders.find(shop, orderId);
        return ResponseEntity.ok(log.ofOrder(shop.shopId(), orderId, limit));
    }

    @Operation(
            operationId = "listEndpointWebhookDeliveries",
            summary =
                    "A webhook endpoint's delivery state (failing since, disabled and why, backlog) and its deliveries, newest first")
    @ApiResponse(
            responseCode = "200",
            description =
                    "{\"endpoint\": {...}, \"deliveries\": [...]}; endpoint is null until notify-service has the endpoint")
    @DeliveryLogErrors
    @EndpointNotFound
    @GetMapping(path = "/v1/webhook-endpoints/{endpoint_id}/deliveries", produces = "application/json")
    ResponseEntity<JsonNode> ofEndpoint(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("endpoint_id") String endpointId,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        checkLimit(limit);
        endpoints.find(shop.shopId(), endpointId);
        return ResponseEntity.ok(log.ofEndpoint(shop.shopId(), endpointId, limit));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw WebhookRequestRejected.fieldInvalid("limit must be 1 to 1000");
        }
    }
}
