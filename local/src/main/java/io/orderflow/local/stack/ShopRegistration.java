package io.orderflow.local.stack;

import io.orderflow.local.sign.ShopCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo shop's account at order-service: registered through the admin API on the first run, and read
 * back from the data directory on later runs that keep their data (the shop is still in the database).
 */
final class ShopRegistration {

    /** application-local.yml's development token, unless the environment overrides it there too. */
    static final String ADMIN_TOKEN = System.getenv().getOrDefault("ORDERFLOW_ADMIN_TOKEN", "local-admin-token");

    private ShopRegistration() {}

    static ShopCredentials obtain(String orderServiceUrl, Path kept, String mchid, String appid) {
        if (kept != null && Files.isRegularFile(kept)) {
            return ShopCredentials.read(kept).withOrderServiceUrl(orderServiceUrl);
        }
        String body = "{\"name\":\"demo shop\",\"mchid\":\"" + mchid + "\",\"appid\":\"" + appid + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(orderServiceUrl + "/admin/v1/shops"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("demo shop not registered: HTTP " + response.statusCode());
            }
            JsonNode shop = JsonMapper.builder().build().readTree(response.body());
            ShopCredentials credentials = new ShopCredentials(
                    shop.path("shop_id").asString(), shop.path("secret").asString(), orderServiceUrl);
            if (kept != null) {
                credentials.write(kept);
            }
            return credentials;
        } catch (IOException e) {
            throw new IllegalStateException("order-service unreachable at " + orderServiceUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
