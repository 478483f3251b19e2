package io.orderflow.local.shop;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's webhook receiver ({@code POST /shop/webhooks}, the {@code notify_url} of every order the demo shop
 * creates): checks the signature over the raw body with the shop's webhook secret, then marks the order in the
 * {@link ShopBook}, and acknowledges with 204. A delivery whose signature fails gets 400 and changes nothing; orderflow
 * retries it, which a forger cannot make succeed.
 */
@RestController
class WebhookReceiver {

    static final String PATH = "/shop/webhooks";
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrderServiceClient orderService;
    private final ShopBook book;
    private final Clock clock;
    private volatile String secret;

    WebhookReceiver(OrderServiceClient orderService, ShopBook book) {
        this.orderService = orderService;
        this.book = book;
        this.clock = Clock.systemUTC();
    }

    @PostMapping(PATH)
    ResponseEntity<String> receive(
            @RequestHeader(name = "Orderflow-Signature", required = false) String signature,
            @RequestHeader(name = "ce-id", required = false) String ceId,
            @RequestHeader(name = "Orderflow-Delivery", required = false) String deliveryId,
            @RequestHeader(name = "Orderflow-Attempt", defaultValue = "1") int attempt,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        String refusal = WebhookCheck.refusal(signature, raw, secret(), clock.instant());
        if (refusal != null) {
            log.warn("webhook delivery {} refused: {}", deliveryId, refusal);
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(refusal);
        }
        JsonNode change;
        try {
            change = JSON.readTree(raw);
        } catch (JacksonException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body("body is not JSON");
        }
        String orderId = change.path("order_id").asString();
        if (orderId.isEmpty() || ceId == null || !change.path("version").isIntegralNumber()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body("no order_id, version or ce-id");
        }
        ShopBook.Outcome outcome = book.apply(
                orderId,
                change.path("version").asLong(),
                change.path("order").path("status").asString(change.path("to").asString()),
                ceId,
                deliveryId,
                attempt,
                clock.instant());
        log.info(
                "webhook delivery {} (attempt {}) of order {} version {}: {}",
                deliveryId,
                attempt,
                orderId,
                change.path("version").asLong(),
                outcome);
        return ResponseEntity.noContent().build();
    }

    /** The shop's webhook secret, read once from order-service (GET /v1/webhook-secret, a signed call). */
    private String secret() {
        String known = secret;
        if (known == null) {
            OrderServiceClient.Answer answer = orderService.webhookSecret();
            if (!answer.ok()) {
                throw new IllegalStateException("webhook secret unavailable: HTTP " + answer.status());
            }
            known = answer.body().path("secret").asString();
            secret = known;
        }
        return known;
    }
}
