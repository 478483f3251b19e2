package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.platform.test.TestKafka;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A shop's webhook receiver (in this JVM) is away for part of a scenario while notify-service is killed and
 * restarted: its connections are refused from the first payment until every paid order is SUCCESS (notify-service
 * is killed with {@code kill -9} halfway through the payments and started again), it answers 503 while the shop
 * refunds and closes, and it is back once the last close is sent and it has answered 503 ten times.
 * At the end every status change of every order on {@code orderflow.order.status} reached it at least once, the
 * last version it got of each order is the order's last, every signature verifies with the endpoint's secret
 * (the documented check), and the rest of the consistency check holds. notify-service's retry schedule runs at
 * {@value #TIME_SCALE} of its production delays (10 s becomes 30 ms, the 1 h step 10.8 s).
 */
class WebhookOutageScenarioTests {

    static final String TIME_SCALE = "0.003";

    private static final Duration READY = Duration.ofSeconds(120);
    private static final int REFUSED_BEFORE_UP = 10;
    private static WebhookReceiver receiver;
    private static OrderflowSystem system;
    private static ShopClient shop;
    private static String endpointId;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        Map<String, String> loopbackHttp =
                Map.of("orderflow.webhooks.allow-http", "true", "orderflow.webhooks.allow-private-addresses", "true");
        Map<String, String> notify = new java.util.HashMap<>(loopbackHttp);
        notify.put("orderflow.webhooks.time-scale", TIME_SCALE);
        // the operator API (the endpoint's state in notify-service's copy)
        notify.put("orderflow.admin.token", OrderflowSystem.ADMIN_TOKEN);
        system = OrderflowSystem.start(
                "webhook_outage",
                TestKafka.bootstrapServers(),
                Map.of("order-service", loopbackHttp, "notify-service", notify));
        shop = system.newShop("webhook outage shop");
        HttpResponse<String> created = shop.post(
                "/v1/webhook-endpoints", "{\"url\":\"" + receiver.url() + "\",\"types\":[\"*\"],\"enabled\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode endpoint = ShopClient.JSON.readTree(created.body());
        endpointId = endpoint.path("endpoint_id").asString();
        receiver.secret(endpoint.path("secret").asString());
        // notify-service learns of the endpoint from orderflow.order.webhooks: only changes after that are its
        await("notify-service has the endpoint")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> endpointState().statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        receiver.close();
    }

    @Test
    void everyStatusChangeReachesAReceiverThatWasAwayWhileNotifyServiceWasKilled() {
        Disruption disruption = new Disruption() {
            @Override
            public void before(Phase phase, int index, List<String> orderIds) {
                if (phase == Phase.PAYMENTS && index == 0) {
                    receiver.down();
                }
                if (phase == Phase.PAYMENTS && index == orderIds.size() / 2) {
                    system.service("notify-service").kill();
                    system.service("notify-service").start().awaitReady(READY);
                }
                // every payment has settled (SUCCESS) while no connection was accepted
                if (phase == Phase.REFUNDS && index == 0) {
                    receiver.unavailable();
                }
            }

            @Override
            public void after(Phase phase) {
                if (phase == Phase.CLOSES) {
                    // notify-service's consumers resume only after the killed member's rebalance: the receiver
                    // stays away until it has turned deliveries away, whenever they come
                    await("deliveries answered 503")
                            .atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> receiver.refused() >= REFUSED_BEFORE_UP);
                    receiver.up();
                }
            }
        };
        // WeChat's callbacks to notify-service fail while it is killed, and are retried
        Scenario scenario = new Scenario(system, shop, Scenario.SEED + 19, Scenario.ORDERS)
                .failingSomeCallbacks()
                .deliveringWebhooksTo(receiver);

        ConsistencyCheck.Report report = scenario.run("webhook receiver away, notify-service killed", disruption);

        List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
        System.out.printf(
                "webhooks: %d deliveries acknowledged (%d retries among them), %d answered 503; endpoint: %s%n",
                deliveries.size(),
                deliveries.stream().filter(d -> d.attempt() > 1).count(),
                receiver.refused(),
                endpointState().body());
        FaultScenarioTests.assertConsistent(report);
        assertThat(report.rows())
                .extracting(ConsistencyCheck.Row::check)
                .contains(WebhookDeliveryCheck.DELIVERED, WebhookDeliveryCheck.LAST, WebhookDeliveryCheck.SIGNED);
        // the receiver's absence was felt: some changes were delivered only at a retry, some after a 503
        assertThat(deliveries.stream().filter(delivery -> delivery.attempt() > 1))
                .isNotEmpty();
        assertThat(receiver.refused()).isPositive();

        // the shop reads the same log through its own API (order-service, narrowed to the shop): every change
        // delivered in the end, the retried ones with their failed attempts, the endpoint no longer failing
        HttpResponse<String> answer = shop.get("/v1/webhook-endpoints/" + endpointId + "/deliveries?limit=1000");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode log = ShopClient.JSON.readTree(answer.body());
        assertThat(log.path("endpoint").path("failing_since").isNull())
                .as(answer.body())
                .isTrue();
        List<JsonNode> logged = new java.util.ArrayList<>();
        log.path("deliveries").forEach(logged::add);
        assertThat(logged)
                .extracting(delivery -> delivery.path("ce_id").asString())
                .containsAll(deliveries.stream()
                        .map(WebhookReceiver.Delivery::ceId)
                        .distinct()
                        .toList());
        assertThat(logged)
                .allSatisfy(delivery ->
                        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED"));
        assertThat(logged)
                .anySatisfy(delivery -> assertThat(delivery.path("attempt_log")
                                .get(0)
                                .path("status_code")
                                .asInt(0))
                        .matches(code -> code < 200 || code > 299, "not 2xx"));
        String orderId = deliveries.get(0).orderId();
        HttpResponse<String> ofOrder = shop.get("/v1/orders/" + orderId + "/webhook-deliveries");
        assertThat(ofOrder.statusCode()).as(ofOrder.body()).isEqualTo(200);
        assertThat(ShopClient.JSON.readTree(ofOrder.body()).path("deliveries").size())
                .isEqualTo(deliveries.stream()
                        .filter(d -> d.orderId().equals(orderId))
                        .map(WebhookReceiver.Delivery::ceId)
                        .distinct()
                        .count());
        // another shop reads none of it
        ShopClient other = system.newShop("another shop");
        assertThat(other.get("/v1/orders/" + orderId + "/webhook-deliveries").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/v1/webhook-endpoints/" + endpointId + "/deliveries")
                        .statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> endpointState() {
        return Http.send(HttpRequest.newBuilder(URI.create(
                        system.service("notify-service").baseUrl() + "/notify/v1/webhook-endpoints/" + endpointId))
                .header("Authorization", "Bearer " + OrderflowSystem.ADMIN_TOKEN)
                .build());
    }
}
