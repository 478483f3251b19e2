package io.orderflow.order.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop API's window on the delivery log, which notify-service keeps (ADR 0018): reads its operator API with the
 * operator token, always narrowed to the asking shop ({@code shop_id}), so a shop sees its own deliveries only, even
 * for an id it guessed. Reads only; a log that cannot be read is a 503, never an empty log.
 */
public class WebhookLogClient {

    private static final Logger log = LoggerFactory.getLogger(WebhookLogClient.class);

    private final WebhookProperties.Log settings;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    WebhookLogClient(WebhookProperties.Log settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
    }

    /** The deliveries of one of the shop's orders, newest first, each with its attempts. */
    public JsonNode ofOrder(String shopId, String orderId, int limit) {
        return readAlways("/notify/v1/webhook-deliveries?order_id=" + encode(orderId) + "&shop_id=" + encode(shopId)
                + "&limit=" + limit);
    }

    /** One of the shop's endpoints: its delivery state (failing since, disabled and why, backlog) and deliveries. */
    public JsonNode ofEndpoint(String shopId, String endpointId, int limit) {
        JsonNode state = read("/notify/v1/webhook-endpoints/" + encode(endpointId) + "?shop_id=" + encode(shopId));
        JsonNode deliveries = readAlways("/notify/v1/webhook-deliveries?endpoint_id=" + encode(endpointId) + "&shop_id="
                + encode(shopId) + "&limit=" + limit);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("endpoint", state == null ? null : stateOf(state));
        answer.put("deliveries", deliveries.path("deliveries"));
        return json.valueToTree(answer);
    }

    private static Map<String, Object> stateOf(JsonNode state) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : List.of(
                "endpoint_id",
                "enabled",
                "failing_since",
                "disabled_at",
                "disabled_reason",
                "pending_deliveries",
                "failed_deliveries")) {
            view.put(field, state.get(field));
        }
        return view;
    }

    private JsonNode readAlways(String pathAndQuery) {
        JsonNode answer = read(pathAndQuery);
        if (answer == null) {
            throw unavailable("the delivery log answered HTTP 404");
        }
        return answer;
    }

    /** The answer's JSON; null for a 404 (notify-service has not heard of it yet); 503 for anything else. */
    private JsonNode read(String pathAndQuery) {
        if (settings.url().isEmpty()) {
            throw unavailable("the delivery log is not configured (orderflow.webhooks.log.url)");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + pathAndQuery))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                log.warn("the webhook delivery log answered HTTP {} to {}", response.statusCode(), pathAndQuery);
                throw unavailable("the delivery log answered HTTP " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException | JacksonException e) {
            log.warn("the webhook delivery log is unreachable: {}", e.toString());
            throw unavailable("the delivery log is unreachable; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static WebhookRequestRejected unavailable(String message) {
        return new WebhookRequestRejected(503, "WEBHOOK_LOG_UNAVAILABLE", message);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
