package io.orderflow.simulator.support;

import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.ledger.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the /sim/v1 control API. */
public final class Control {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final String base;

    public Control(RunningSimulator simulator) {
        this.base = simulator.baseUrl();
    }

    public JsonNode post(String path, Map<String, Object> body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, Map<String, Object> body) {
        return send("PUT", path, body);
    }

    public void delete(String path) {
        send("DELETE", path, null);
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> raw(String method, String path, Map<String, Object> body) {
        var publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The order as GET /sim/v1/ledger reports it. */
    public JsonNode ledgerOrder(String mchid, String outTradeNo) {
        for (JsonNode order : get("/sim/v1/ledger").get("orders")) {
            if (order.get("mchid").asString().equals(mchid)
                    && order.get("out_trade_no").asString().equals(outTradeNo)) {
                return order;
            }
        }
        throw new AssertionError("order " + outTradeNo + " not in ledger");
    }

    /** Stamps later payments and refunds at {@code when} (PUT /sim/v1/clock); {@link #realTradeClock()} undoes it. */
    public void tradeClock(java.time.Instant when) {
        put(
                "/sim/v1/clock",
                Map.of(
                        "trade_offset_ms",
                        java.time.Duration.between(java.time.Instant.now(), when)
                                .toMillis()));
    }

    public void realTradeClock() {
        put("/sim/v1/clock", Map.of("trade_offset_ms", 0));
    }

    /** Does {@code action} with the trade clock at noon (China time) of {@code day}, then back on real time. */
    public void atNoonOf(LocalDate day, Runnable action) {
        tradeClock(day.atTime(12, 0).atZone(Ids.CHINA).toInstant());
        try {
            action.run();
        } finally {
            realTradeClock();
        }
    }

    public JsonNode pay(String prepayId) {
        return post("/sim/v1/payments", Map.of("prepay_id", prepayId));
    }

    private JsonNode send(String method, String path, Map<String, Object> body) {
        HttpResponse<String> response = raw(method, path, body);
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }
}
