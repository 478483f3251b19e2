package io.orderflow.notify.webhook.web;

import io.orderflow.notify.webhook.WebhookLog;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /notify/v1/webhook-deliveries?order_id=…|endpoint_id=…} (the log, with every attempt),
 * {@code GET /notify/v1/webhook-endpoints/{id}} (failing since, disabled and why, backlog),
 * {@code POST /notify/v1/webhook-deliveries/{id}/redeliver} and
 * {@code POST /notify/v1/webhook-endpoints/{id}/redeliver {"failed_since": "…"}}.
 */
@RestController
@RequestMapping(path = "/notify/v1", produces = "application/json")
class WebhookOperatorController {

    private final WebhookLog log;

    WebhookOperatorController(WebhookLog log) {
        this.log = log;
    }

    @GetMapping("/webhook-deliveries")
    ResponseEntity<Map<String, Object>> deliveries(
            @RequestParam(name = "order_id", required = false) String orderId,
            @RequestParam(name = "endpoint_id", required = false) String endpointId,
            @RequestParam(name = "shop_id", required = false) String shopId,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if ((orderId == null) == (endpointId == null) || limit < 1 || limit > 1000) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    "FIELD_INVALID",
                    "give exactly one of order_id and endpoint_id, " + "and a limit of 1 to 1000");
        }
        List<Map<String, Object>> found =
                orderId != null ? log.ofOrder(orderId, shopId, limit) : log.ofEndpoint(endpointId, shopId, limit);
        return ResponseEntity.ok(Map.of("deliveries", found));
    }

    /** {@code shop_id}: answer only when the endpoint is that shop's (order-service's shop API asks so). */
    @GetMapping("/webhook-endpoints/{endpoint_id}")
    ResponseEntity<Map<String, Object>> endpoint(
            @PathVariable("endpoint_id") String endpointId,
            @RequestParam(name = "shop_id", required = false) String shopId) {
        return log.endpoint(endpointId, shopId)
                .map(ResponseEntity::ok)
                .orElseGet(() ->
                        error(HttpStatus.NOT_FOUND, "WEBHOOK_ENDPOINT_NOT_FOUND", "no webhook endpoint " + endpointId));
    }

    @PostMapping("/webhook-deliveries/{delivery_id}/redeliver")
    ResponseEntity<Map<String, Object>> redeliver(@PathVariable("delivery_id") String deliveryId) {
        UUID id;
        try {
            id = UUID.fromString(deliveryId);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "FIELD_INVALID", "delivery_id is not a UUID");
        }
        if (!log.redeliver(id)) {
            return error(HttpStatus.NOT_FOUND, "WEBHOOK_DELIVERY_NOT_FOUND", "no webhook delivery " + deliveryId);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("redelivered", 1));
    }

    @PostMapping("/webhook-endpoints/{endpoint_id}/redeliver")
    ResponseEntity<Map<String, Object>> redeliverFailed(
            @PathVariable("endpoint_id") String endpointId, @RequestBody Map<String, Object> request) {
        Object since = request.get("failed_since");
        Instant from;
        try {
            from = Instant.parse(String.valueOf(since));
        } catch (DateTimeParseException e) {
            return error(HttpStatus.BAD_REQUEST, "FIELD_INVALID", "failed_since must be an ISO-8601 instant");
        }
        if (log.endpoint(endpointId, null).isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "WEBHOOK_ENDPOINT_NOT_FOUND", "no webhook endpoint " + endpointId);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("redelivered", log.redeliverFailed(endpointId, from)));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }
}
