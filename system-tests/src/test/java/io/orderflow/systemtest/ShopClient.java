package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shop's backend as documented: every request signed with
 * {@code ORDERFLOW-HMAC-SHA256 shop_id="…",timestamp="…",nonce="…",signature="…"} over
 * {@code METHOD\npath?query\ntimestamp\nnonce\nbody\n}. Written from the specification, not
 * from order-service's code, so it checks the protocol as shops will implement it.
 */
final class ShopClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String shopId;
    private final byte[] secret;

    private ShopClient(String baseUrl, String shopId, String secret) {
        this.baseUrl = baseUrl;
        this.shopId = shopId;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Registers a shop through the admin path and returns its signed client. */
    static ShopClient create(String baseUrl, String adminToken, String name, String mchid, String appid) {
        String body = "{\"name\":\"" + name + "\",\"mchid\":\"" + mchid + "\",\"appid\":\"" + appid + "\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/v1/shops"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("shop not created: " + response.statusCode() + " " + response.body());
        }
        JsonNode shop = JSON.readTree(response.body());
        return new ShopClient(
                baseUrl, shop.path("shop_id").asString(), shop.path("secret").asString());
    }

    /** A payer of its own (an openid like WeChat's: 28 characters), so that per-payer risk limits stay out of the way. */
    static String newPayer() {
        return "oT" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    }

    /** The order as the shop API shows it; anything but 200 fails. */
    JsonNode order(String orderId) {
        HttpResponse<String> response = get("/v1/orders/" + orderId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET order " + orderId + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Waits until the first refund of each order shows SUCCESS; fails after {@code within}. */
    void awaitFirstRefundSucceeded(Collection<String> orderIds, Duration within) {
        await().atMost(within)
                .untilAsserted(() -> assertThat(orderIds)
                        .allSatisfy(id -> assertThat(order(id)
                                        .path("refunds")
                                        .get(0)
                                        .path("status")
                                        .asString())
                                .as(id)
                                .isEqualTo("SUCCESS")));
    }

    HttpResponse<String> post(String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = signed("POST", pathAndQuery, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(signed("GET", pathAndQuery, "").GET().build());
    }

    private HttpRequest.Builder signed(String method, String pathAndQuery, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        String authorization = "ORDERFLOW-HMAC-SHA256 shop_id=\"" + shopId + "\",timestamp=\"" + timestamp
                + "\",nonce=\"" + nonce + "\",signature=\"" + hmac(message) + "\"";
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json");
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
