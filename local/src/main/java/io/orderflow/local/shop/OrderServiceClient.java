package io.orderflow.local.shop;

import io.orderflow.local.sign.ShopCredentials;
import io.orderflow.local.sign.ShopSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shop's backend talking to order-service: every request signed with the shop's secret. */
@Component
class OrderServiceClient {

    /** An answer of the shop API: its status code and JSON body. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final ShopSignature signature;

    OrderServiceClient(DemoShopProperties properties) {
        this.baseUrl = properties.orderServiceUrl();
        this.signature = new ShopSignature(
                new ShopCredentials(properties.shopId(), properties.shopSecret(), properties.orderServiceUrl()));
    }

    /** Creates the order and waits (bounded) until payment-service has prepaid it. */
    Answer create(JsonNode order) {
        String body = JSON.writeValueAsString(order);
        return send(signed("POST", "/v1/orders", body)
                .header("Prefer", "wait=10")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The shop's webhook secret, which signs deliveries to its orders' notify_url. */
    Answer webhookSecret() {
        return send(signed("GET", "/v1/webhook-secret", "").GET().build());
    }

    Answer get(String orderId) {
        String path = "/v1/orders/" + orderId;
        return send(signed("GET", path, "").GET().build());
    }

    Answer refund(String orderId, JsonNode refund) {
        String path = "/v1/orders/" + orderId + "/refunds";
        String body = JSON.writeValueAsString(refund);
        return send(signed("POST", path, body)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpRequest.Builder signed(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", signature.authorization(method, path, body))
                .header("Content-Type", "application/json");
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null || response.body().isBlank() ? "{}" : response.body();
            return new Answer(response.statusCode(), JSON.readTree(text));
        } catch (IOException e) {
            return new Answer(
                    503,
                    JSON.createObjectNode()
                            .put("code", "ORDER_SERVICE_UNREACHABLE")
                            .put("message", e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
