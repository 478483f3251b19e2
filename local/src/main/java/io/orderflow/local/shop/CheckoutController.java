package io.orderflow.local.shop;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shop backend the checkout page calls. The page names no price and holds no secret: the server decides
 * what is sold and signs the shop API calls; the page gets the JSAPI pay params and the order's timeline.
 */
@RestController
@RequestMapping("/shop/api")
class CheckoutController {

    /** What the shop sells: one product. */
    static final String PRODUCT = "orderflow mug (demo)";

    static final long PRICE_FEN = 1;

    private static final Logger log = LoggerFactory.getLogger(CheckoutController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ORDER_NO = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final OrderServiceClient orderService;
    private final Timeline timeline;
    private final ShopBook book;
    private final DemoShopProperties properties;

    CheckoutController(
            OrderServiceClient orderService, Timeline timeline, ShopBook book, DemoShopProperties properties) {
        this.orderService = orderService;
        this.book = book;
        this.timeline = timeline;
        this.properties = properties;
    }

    /** Buy: creates the order through the signed shop API; answers its id, status and pay params. */
    @PostMapping("/orders")
    ResponseEntity<JsonNode> buy() {
        ObjectNode order = JSON.createObjectNode()
                .put(
                        "shop_order_no",
                        "DEMO" + LocalDateTime.now().format(ORDER_NO)
                                + ThreadLocalRandom.current().nextInt(1000, 10000))
                .put("description", PRODUCT)
                .put("expire_in_seconds", properties.expireIn().toSeconds());
        order.putObject("amount").put("total", PRICE_FEN).put("currency", "CNY");
        order.putObject("payer").put("openid", properties.openid());
        if (properties.notifyUrl() != null) {
            // like WeChat's notify_url: this order's status changes are POSTed to the shop's receiver, signed
            order.put("notify_url", properties.notifyUrl());
        }
        OrderServiceClient.Answer created = orderService.create(order);
        // prepay can take longer than one bounded wait on a busy machine: creating again with the same
        // shop_order_no and body is idempotent and waits again
        for (int attempt = 1;
                attempt < 3
                        && created.ok()
                        && !created.body().path("pay_params").isObject()
                        && "PENDING".equals(created.body().path("status").asString());
                attempt++) {
            created = orderService.create(order);
        }
        if (!created.ok()) {
            log.warn(
                    "order not created: HTTP {} {}",
                    created.status(),
                    created.body().path("code").asString());
            return ResponseEntity.status(created.status()).body(created.body());
        }
        return ResponseEntity.ok(JSON.createObjectNode()
                .put("order_id", created.body().path("order_id").asString())
                .put("status", created.body().path("status").asString())
                .put("expire_at", created.body().path("expire_at").asString())
                .set("pay_params", created.body().path("pay_params")));
    }

    /**
     * The order as the shop's book has it from webhooks ({@code book}: what the checkout shows), beside the
     * timeline its consumer of orderflow.order.status read.
     */
    @GetMapping("/orders/{orderId}")
    Timeline.OrderView order(@PathVariable String orderId) {
        return timeline.order(orderId).withBook(book.entry(orderId));
    }

    @GetMapping("/orders")
    List<Timeline.OrderView> orders() {
        return timeline.orders();
    }

    /** Refunds what is left of a paid order, with an out_refund_no derived from the order (idempotent). */
    @PostMapping("/orders/{orderId}/refund")
    ResponseEntity<JsonNode> refund(@PathVariable String orderId) {
        OrderServiceClient.Answer current = orderService.get(orderId);
        if (!current.ok()) {
            return ResponseEntity.status(current.status()).body(current.body());
        }
        long remaining = current.body().path("amount").path("total").asLong()
                - current.body().path("refunded_amount").asLong();
        ObjectNode refund = JSON.createObjectNode()
                .put(
                        "out_refund_no",
                        "RF" + orderId + current.body().path("refunds").size())
                .put("reason", "demo refund");
        refund.putObject("amount").put("refund", remaining).put("currency", "CNY");
        OrderServiceClient.Answer answer = orderService.refund(orderId, refund);
        return ResponseEntity.status(answer.status()).body(answer.body());
    }
}
