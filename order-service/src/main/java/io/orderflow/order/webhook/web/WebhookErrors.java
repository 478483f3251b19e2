package io.orderflow.order.webhook.web;

import io.orderflow.order.webhook.WebhookRequestRejected;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused webhook request, for every controller of this package: its status and stable code. Ahead of the shop
 * API's catch-all advice, which would otherwise take it as unforeseen.
 */
@RestControllerAdvice(basePackageClasses = WebhookErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookErrors {

    @ExceptionHandler(WebhookRequestRejected.class)
    ResponseEntity<Map<String, String>> rejected(WebhookRequestRejected e) {
        return ResponseEntity.status(HttpStatus.valueOf(e.status()))
                .body(Map.of("code", e.code(), "message", e.getMessage()));
    }
}
