package io.orderflow.order.webhook;

import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.Shops;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop API's delivery log reads notify-service's operator API, always narrowed to the asking shop, only for an
 * order or endpoint of that shop, and says 503 (never an empty log) when it cannot read it. notify-service is stood
 * in for here by an HTTP server that records what it is asked (the real one answers in WebhookOutageScenarioTests).
 */
@OrderServiceTest
class WebhookDeliveryLogTests extends OneShopTestBase {

    private static final String TOKEN = "notify-operator-token";
    private static final HttpServer NOTIFY = standInNotifyService();
    private static final List<String> ASKED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger STATUS = new AtomicInteger(200);

    @DynamicPropertySource
    static void notifyService(DynamicPropertyRegistry registry) {
        registry.add(
                "orderflow.webhooks.log.url",
                () -> "http://127.0.0.1:" + NOTIFY.getAddress().getPort() + "/");
        registry.add("orderflow.webhooks.log.token", () -> TOKEN);
    }

    @AfterAll
    static void stopNotify() {
        NOTIFY.stop(0);
    }

    @BeforeEach
    void reset() {
        ASKED.clear();
        STATUS.set(200);
    }

    @Test
    void anOrdersLogIsReadForTheAskingShopOnlyWithTheOperatorToken() {
        String orderId = shop.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), 100))
                .text("order_id");

        ShopClient.Answer log = shop.get("/v1/orders/" + orderId + "/webhook-deliveries?limit=5");

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("DELIVERED");
        assertThat(ASKED)
                .containsExactly("Bearer " + TOKEN + " /notify/v1/webhook-deliveries?order_id=" + orderId + "&shop_id="
                        + shop.signer().shopId() + "&limit=5");
    }

    @Test
    void anotherShopsOrderOrEndpointIsNotFoundWithoutAskingNotifyService() {
        ShopClient owner = Shops.register(shops, port);
        ShopClient other = Shops.register(shops, port);
        String orderId = owner.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), 100))
                .text("order_id");
        String endpointId = owner.post("/v1/webhook-endpoints", "{\"url\":\"https://93.184.216.34/hooks\"}")
                .text("endpoint_id");

        ShopClient.Answer order = other.get("/v1/orders/" + orderId + "/webhook-deliveries");
        ShopClient.Answer endpoint = other.get("/v1/webhook-endpoints/" + endpointId + "/deliveries");

        assertError(order, 404, "ORDER_NOT_FOUND", orderId);
        assertError(endpoint, 404, "WEBHOOK_ENDPOINT_NOT_FOUND", endpointId);
        assertThat(ASKED).isEmpty();
    }

    @Test
    void anEndpointsLogHasItsDeliveryStateAndItsDeliveries() {
        String endpointId = shop.post("/v1/webhook-endpoints", "{\"url\":\"https://93.184.216.34/hooks\"}")
                .text("endpoint_id");

        ShopClient.Answer log = shop.get("/v1/webhook-endpoints/" + endpointId + "/deliveries");

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().path("endpoint").path("disabled_reason").asString())
                .isEqualTo("failing since 72 h");
        assertThat(log.json().path("endpoint").has("shop_id"))
                .as("notify's internal view is not passed on")
                .isFalse();
        assertThat(log.json().path("deliveries").size()).isEqualTo(1);
        assertThat(ASKED)
                .containsExactly(
                        "Bearer " + TOKEN + " /notify/v1/webhook-endpoints/" + endpointId + "?shop_id="
                                + shop.signer().shopId(),
                        "Bearer " + TOKEN + " /notify/v1/webhook-deliveries?endpoint_id=" + endpointId + "&shop_id="
                                + shop.signer().shopId() + "&limit=100");
    }

    @Test
    void aLogThatCannotBeReadIs503AndABadLimitIs400() {
        String orderId = shop.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), 100))
                .text("order_id");
        STATUS.set(500);

        ShopClient.Answer failed = shop.get("/v1/orders/" + orderId + "/webhook-deliveries");
        ShopClient.Answer badLimit = shop.get("/v1/orders/" + orderId + "/webhook-deliveries?limit=1001");

        assertError(failed, 503, "WEBHOOK_LOG_UNAVAILABLE", "HTTP 500");
        assertError(badLimit, 400, "FIELD_INVALID", "limit");
    }

    /** Answers the operator API's two reads with one delivery and a disabled endpoint, recording each request. */
    private static HttpServer standInNotifyService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/notify/v1/", exchange -> {
                ASKED.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + exchange.getRequestURI().getRawPath() + "?"
                        + exchange.getRequestURI().getRawQuery());
                String body = exchange.getRequestURI().getPath().startsWith("/notify/v1/webhook-endpoints/")
                        ? "{\"endpoint_id\":\"x\",\"shop_id\":\"s\",\"enabled\":false,\"failing_since\":\"2026-12-01T00:00:00Z\","
                                + "\"disabled_at\":\"2026-12-04T00:00:00Z\",\"disabled_reason\":\"failing since 72 h\","
                                + "\"pending_deliveries\":0,\"failed_deliveries\":1}"
                        : "{\"deliveries\":[{\"delivery_id\":\"d\",\"status\":\"DELIVERED\",\"attempt_log\":[]}]}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(STATUS.get(), bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
