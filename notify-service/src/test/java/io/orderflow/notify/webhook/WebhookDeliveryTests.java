package io.orderflow.notify.webhook;

import static io.orderflow.notify.TestQueries.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.WebhookEndpointChanged;
import io.orderflow.platform.webhook.WebhookSecrets;
import io.orderflow.testkit.OrderStatusChangedBuilder;
import io.orderflow.testkit.WebhookEndpointChangedBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a real HTTP receiver: signed deliveries a shop can verify (and tampered or replayed ones it can
 * tell), retries of 5xx, timeouts and refused connections on the schedule, then FAILED; the delivery log and
 * redelivery; an endpoint disabled after failing for too long; secret rotation; a hanging receiver that does not
 * hold up another shop's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orderflow.admin.token=" + WebhookDeliveryTests.TOKEN,
            "orderflow.webhooks.allow-http=true",
            "orderflow.webhooks.allow-private-addresses=true",
            "orderflow.webhooks.timeout=1s",
            "orderflow.webhooks.retry-schedule=300ms,600ms,900ms",
            "orderflow.webhooks.disable-after=8s",
            "orderflow.webhooks.per-endpoint-concurrency=4",
            "orderflow.webhooks.max-in-flight=8",
            "orderflow.webhooks.poll-interval=200ms"
        })
class WebhookDeliveryTests {

    static final String TOKEN = "test-operator-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<Duration> SCHEDULE =
            List.of(Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofMillis(900));
    private static final WebhookSecrets SECRETS =
            new WebhookSecrets("dGVzdC1vbmx5LXdlYmhvb2stbWFzdGVyLWtleS0xMjM0NQ==");
    private static final Receiver receiver = new Receiver();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WebhookIntake intake;

    @Autowired
    WebhookEndpoints endpoints;

    @Autowired
    TransactionTemplate transactions;

    @LocalServerPort
    int port;

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void deliversEachStatusChangeSignedWithCloudEventsHeadersToTheEndpointsThatWantIt() {
        String shop = shop();
        String endpoint = endpoint(shop, receiver.url("/" + shop), List.of("order.success"));
        String other = endpoint(shop, receiver.url("/" + shop + "-closed"), List.of("order.closed"));
        OrderStatusChanged paid = Events.paid(order(), shop, 2);
        String ceId = Events.publish(paid);

        await().atMost(WAIT).until(() -> receiver.received("/" + shop).size() == 1);
        Receiver.Request request = receiver.received("/" + shop).get(0);
        assertThat(request.header("ce-id")).isEqualTo(ceId);
        assertThat(request.header("ce-type")).isEqualTo(EventTypes.ORDER_STATUS_CHANGED.ceType());
        assertThat(request.header("ce-specversion")).isEqualTo("1.0");
        assertThat(request.header("ce-source")).isEqualTo("/orderflow/order-service");
        assertThat(request.header("ce-subject")).isEqualTo(paid.orderId());
        assertThat(request.header("Orderflow-Event-Type")).isEqualTo("order.success");
        JsonNode body = JSON.readTree(request.text());
        assertThat(body.path("order_id").asString()).isEqualTo(paid.orderId());
        assertThat(body.path("version").asLong()).isEqualTo(2);
        assertThat(body.path("to").asString()).isEqualTo("SUCCESS");
        assertThat(body.path("reason").asString()).isEqualTo("PAID");
        assertThat(body.path("causation_id").asString()).isEqualTo(paid.causationId());
        assertThat(body.path("order").path("refunded_amount").path("fen").asLong())
                .isZero();

        String signature = request.header("Orderflow-Signature");
        String secret = SECRETS.secret(endpoint, 1);
        Instant received = request.at();
        assertThat(ShopSideCheck.verify(signature, request.body(), secret, received))
                .as("genuine")
                .isTrue();
        byte[] tampered = request.text().replace("\"SUCCESS\"", "\"REFUND\"").getBytes(StandardCharsets.UTF_8);
        assertThat(ShopSideCheck.verify(signature, tampered, secret, received))
                .as("tampered body")
                .isFalse();
        assertThat(ShopSideCheck.verify(signature, request.body(), SECRETS.secret(other, 1), received))
                .as("another endpoint's secret")
                .isFalse();
        assertThat(ShopSideCheck.verify(signature, request.body(), secret, received.plus(Duration.ofMinutes(6))))
                .as("replayed six minutes later")
                .isFalse();

        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(endpoint)));
        JsonNode log = operator("GET", "/notify/v1/webhook-deliveries?order_id=" + paid.orderId(), null);
        assertThat(log.path("deliveries")).hasSize(1);
        JsonNode delivery = log.path("deliveries").get(0);
        assertThat(delivery.path("endpoint_id").asString()).isEqualTo(endpoint);
        assertThat(delivery.path("ce_id").asString()).isEqualTo(ceId);
        assertThat(delivery.path("attempt_log").get(0).path("status_code").asInt())
                .isEqualTo(204);
        assertThat(delivery.path("attempt_log").get(0).has("latency_ms")).isTrue();
        assertThat(receiver.received("/" + shop + "-closed")).isEmpty();

        // narrowed to a shop (how order-service's shop API reads it): the shop's own, and nothing of another's
        String q = "/notify/v1/webhook-deliveries?order_id=" + paid.orderId() + "&shop_id=";
        assertThat(operator("GET", q + shop, null).path("deliveries")).hasSize(1);
        assertThat(operator("GET", q + shop(), null).path("deliveries")).isEmpty();
        assertThat(operator("GET", "/notify/v1/webhook-deliveries?endpoint_id=" + endpoint + "&shop_id=" + shop(), null)
                        .path("deliveries"))
                .isEmpty();
        assertThat(operator("GET", "/notify/v1/webhook-endpoints/" + endpoint + "?shop_id=" + shop, null)
                        .path("endpoint_id")
                        .asString())
                .isEqualTo(endpoint);
        assertThat(operatorStatus("/notify/v1/webhook-endpoints/" + endpoint + "?shop_id=" + shop()))
                .isEqualTo(404);
    }

    @Test
    void retriesServerErrorsTimeoutsAndRefusedConnectionsOnTheScheduleThenFailsTheDelivery() {
        String shop = shop();
        receiver.answer("/" + shop + "-500", 500);
        receiver.hang("/" + shop + "-slow", Duration.ofSeconds(3));
        String erring = endpoint(shop, receiver.url("/" + shop + "-500"), List.of("*"));
        String hanging = endpoint(shop, receiver.url("/" + shop + "-slow"), List.of("*"));
        String refused = endpoint(shop, Receiver.refusing(), List.of("*"));
        double failedBefore = counter("failed");
        Events.publish(Events.paid(order(), shop, 2));

        await().atMost(WAIT)
                .until(() -> List.of(erring, hanging, refused).stream().allMatch(e -> "FAILED".equals(status(e))));
        assertOnSchedule(erring, "HTTP 500", 500);
        assertOnSchedule(hanging, "no answer within 1000 ms", null);
        assertOnSchedule(refused, "connection refused", null);
        assertThat(receiver.received("/" + shop + "-500")).hasSize(SCHEDULE.size() + 1);
        // other tests' deliveries may fail meanwhile: at least these three
        assertThat(counter("failed") - failedBefore).isGreaterThanOrEqualTo(3);
    }

    @Test
    void redeliversOneDeliveryOrEveryFailedOneOfAnEndpoint() {
        String shop = shop();
        String path = "/" + shop + "-flaky";
        receiver.answer(path, 503);
        String endpoint = endpoint(shop, receiver.url(path), List.of("*"));
        Instant since = Instant.now();
        Events.publish(Events.paid(order(), shop, 2));
        Events.publish(Events.paid(order(), shop, 2));
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ? "
                                        + "and status = 'FAILED'")
                                .param(endpoint)
                                .query(Integer.class)
                                .single()
                        == 2);
        receiver.answer(path, 200);

        String one = jdbc.sql("select delivery_id::text from webhook_delivery where endpoint_id = ? limit 1")
                .param(endpoint)
                .query(String.class)
                .single();
        assertThat(operator("POST", "/notify/v1/webhook-deliveries/" + one + "/redeliver", "")
                        .path("redelivered")
                        .asInt())
                .isEqualTo(1);
        await().atMost(WAIT)
                .until(() -> "DELIVERED"
                        .equals(jdbc.sql("select status from webhook_delivery where delivery_id = cast(? as uuid)")
                                .param(one)
                                .query(String.class)
                                .single()));

        JsonNode all = operator(
                "POST",
                "/notify/v1/webhook-endpoints/" + endpoint + "/redeliver",
                "{\"failed_since\":\"" + since + "\"}");
        assertThat(all.path("redelivered").asInt()).isEqualTo(1);
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ? "
                                        + "and status = 'DELIVERED'")
                                .param(endpoint)
                                .query(Integer.class)
                                .single()
                        == 2);
        JsonNode log = operator("GET", "/notify/v1/webhook-deliveries?endpoint_id=" + endpoint, null);
        assertThat(log.path("deliveries"))
                .allSatisfy(d -> assertThat(d.path("attempt_log").size()).isEqualTo(SCHEDULE.size() + 2));
        assertThat(status(URI.create("http://127.0.0.1:" + port + "/notify/v1/webhook-deliveries?order_id=x"), null))
                .as("the operator API needs the token")
                .isEqualTo(401);
    }

    @Test
    void disablesAnEndpointThatFailedEveryDeliveryForTooLongUntilTheShopEnablesItAgain() {
        String shop = shop();
        String url = Receiver.refusing();
        String endpoint = endpoint(shop, url, List.of("*"));
        double disabledBefore = meters.counter(WebhookMetrics.DISABLED).count();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(1500)).until(() -> {
            Events.publish(Events.paid(order(), shop, 2));
            return disabled(endpoint);
        });
        JsonNode state = operator("GET", "/notify/v1/webhook-endpoints/" + endpoint, null);
        assertThat(state.path("disabled_reason").asString())
                .contains("every attempt failed for PT8S")
                .contains("connection refused");
        assertThat(state.path("pending_deliveries").asInt()).isZero();
        // the hanging receiver's endpoint of another test may be disabled meanwhile: at least this one
        assertThat(meters.counter(WebhookMetrics.DISABLED).count() - disabledBefore)
                .isGreaterThanOrEqualTo(1);
        Events.publish(Events.paid(order(), shop, 2));
        Events.publish(Events.endpoint(endpoint, shop, 2, receiver.url("/" + shop + "-back"), List.of("*"), true));
        await().atMost(WAIT).until(() -> !disabled(endpoint));
        Events.publish(Events.paid(order(), shop, 3));
        await().atMost(WAIT).until(() -> receiver.received("/" + shop + "-back").size() == 1);
    }

    @Test
    void deliversTheChangesOfAnOrderWithItsOwnNotifyUrlThereSignedWithTheShopsSecretInsteadOfToItsEndpoints() {
        String shop = shop();
        endpoint(shop, receiver.url("/" + shop + "-endpoint"), List.of("*"));
        OrderStatusChanged plain = Events.paid(order(), shop, 2);
        OrderStatusChanged paid = Events.paid(order(), shop, 2);
        OrderStatusChanged own = OrderStatusChangedBuilder.from(paid)
                .withNotifyUrl(receiver.url("/" + shop + "-order"))
                .build();
        String ceId = Events.publish(own);
        Events.publish(plain);

        await().atMost(WAIT)
                .until(() -> receiver.received("/" + shop + "-order").size() == 1
                        && receiver.received("/" + shop + "-endpoint").size() == 1);
        Receiver.Request request = receiver.received("/" + shop + "-order").get(0);
        assertThat(request.header("ce-id")).isEqualTo(ceId);
        assertThat(JSON.readTree(request.text()).path("notify_url").asString()).isEqualTo(own.notifyUrl());
        assertThat(signedWith(request, SECRETS.shopSecret(shop)))
                .as("the shop's webhook secret")
                .isTrue();
        assertThat(signedWith(request, SECRETS.shopSecret(shop())))
                .as("another shop's secret")
                .isFalse();
        assertThat(receiver.received("/" + shop + "-endpoint"))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains(plain.orderId()).doesNotContain(own.orderId()));
        JsonNode log = operator("GET", "/notify/v1/webhook-deliveries?order_id=" + own.orderId(), null);
        assertThat(log.path("deliveries")).singleElement().satisfies(d -> {
            assertThat(d.path("notify_url").asString()).isEqualTo(own.notifyUrl());
            assertThat(d.path("endpoint_id").asString()).isEqualTo(WebhookSecrets.shopEndpointId(shop));
        });
    }

    /**
     * The two topics are not ordered against each other: a status change may be read after a later change of its
     * endpoint (ADR 0018). The same changes applied in both orders, directly through the consumers' use case,
     * deliver the same: nothing of what occurred while the endpoint was disabled, the change after it was enabled.
     */
    @Test
    void aStatusChangeReadAfterALaterEndpointChangeIsDeliveredAsIfReadBefore() {
        for (boolean statusReadLast : List.of(true, false)) {
            String shop = shop();
            String endpoint = "we_" + UUID.randomUUID().toString().substring(0, 12);
            Instant start = Instant.now().minusSeconds(60);
            consume(() -> intake.endpointChanged(
                    WebhookEndpointChangedBuilder.endpointChanged(endpoint, shop, Receiver.refusing())
                            .withOccurredAt(start)
                            .build()));
            consume(() -> {
                endpoints.failed(endpoint, start.plusSeconds(1));
                assertThat(endpoints.disableIfFailingSince(
                                endpoint, start.plusSeconds(10), start.plusSeconds(10), "test"))
                        .isTrue();
            });
            OrderStatusChanged whileDisabled = Events.paid(order(), shop, 2, start.plusSeconds(20));
            WebhookEndpointChanged enabled =
                    Events.endpoint(endpoint, shop, 2, receiver.url("/" + shop), List.of("*"), true);
            OrderStatusChanged afterwards =
                    Events.paid(order(), shop, 2, enabled.occurredAt().plusMillis(1));
            if (statusReadLast) {
                consume(() -> intake.endpointChanged(enabled));
                consume(() -> intake.statusChanged(UUID.randomUUID().toString(), whileDisabled));
            } else {
                consume(() -> intake.statusChanged(UUID.randomUUID().toString(), whileDisabled));
                consume(() -> intake.endpointChanged(enabled));
            }
            assertThat(disabled(endpoint)).isFalse();
            consume(() -> intake.statusChanged(UUID.randomUUID().toString(), afterwards));
            assertThat(jdbc.sql("select count(*) from webhook_delivery where order_id = ?")
                            .param(whileDisabled.orderId())
                            .query(Integer.class)
                            .single())
                    .as("deliveries of the change while disabled, status read %s", statusReadLast ? "last" : "first")
                    .isZero();

            await().atMost(WAIT).until(() -> "DELIVERED".equals(status(endpoint)));
            assertThat(receiver.received("/" + shop))
                    .singleElement()
                    .satisfies(r -> assertThat(r.text()).contains(afterwards.orderId()));
        }
    }

    private void consume(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    @Test
    void signsWithBothSecretsDuringARotationsOverlapAndWithTheNewOneAfter() {
        String shop = shop();
        String endpoint = "we_" + UUID.randomUUID().toString().substring(0, 12);
        String url = receiver.url("/" + shop);
        Events.publish(WebhookEndpointChangedBuilder.endpointChanged(endpoint, shop, url)
                .withSecretGeneration(2)
                .withPreviousSecret(1, Instant.now().plusSeconds(3600))
                .build());
        await().atMost(WAIT).until(() -> version(endpoint) == 1);
        Events.publish(Events.paid(order(), shop, 2));
        await().atMost(WAIT).until(() -> receiver.received("/" + shop).size() == 1);
        Receiver.Request during = receiver.received("/" + shop).get(0);
        assertThat(during.header("Orderflow-Signature").split(",v1=")).hasSize(3);
        assertThat(signedWith(during, SECRETS.secret(endpoint, 2)))
                .as("new secret")
                .isTrue();
        assertThat(signedWith(during, SECRETS.secret(endpoint, 1)))
                .as("previous secret, in the overlap")
                .isTrue();

        Events.publish(WebhookEndpointChangedBuilder.endpointChanged(endpoint, shop, url)
                .withVersion(2)
                .withSecretGeneration(2)
                .withPreviousSecret(1, Instant.now().minusSeconds(1))
                .build());
        await().atMost(WAIT).until(() -> version(endpoint) == 2);
        Events.publish(Events.paid(order(), shop, 3));
        await().atMost(WAIT).until(() -> receiver.received("/" + shop).size() == 2);
        Receiver.Request after = receiver.received("/" + shop).get(1);
        assertThat(after.header("Orderflow-Signature").split(",v1=")).hasSize(2);
        assertThat(signedWith(after, SECRETS.secret(endpoint, 1)))
                .as("previous secret, after the overlap")
                .isFalse();
        assertThat(signedWith(after, SECRETS.secret(endpoint, 2))).isTrue();
    }

    @Test
    void aHangingReceiverHoldsOnlyItsOwnSlotsNotAnotherShopsDeliveries() {
        String slowShop = shop();
        String fastShop = shop();
        receiver.hang("/" + slowShop, Duration.ofSeconds(3));
        endpoint(slowShop, receiver.url("/" + slowShop), List.of("*"));
        endpoint(fastShop, receiver.url("/" + fastShop), List.of("*"));
        for (int i = 0; i < 12; i++) {
            Events.publish(Events.paid(order(), slowShop, 2));
        }
        await().atMost(WAIT).until(() -> receiver.received("/" + slowShop).size() >= 1);
        Events.publish(Events.paid(order(), fastShop, 2));

        await().atMost(WAIT).until(() -> receiver.received("/" + fastShop).size() == 1);
        Instant fast = receiver.received("/" + fastShop).get(0).at();
        List<Receiver.Request> slow = receiver.received("/" + slowShop);
        // 4 slots per endpoint: the slow shop's 5th request can come only once its first timed out (1 s)
        assertThat(slow.size() < 5 || fast.isBefore(slow.get(4).at()))
                .as("the fast shop's delivery (%s) came before the slow shop's second wave (%s)", fast, slow)
                .isTrue();
        assertThat(Duration.between(slow.get(0).at(), fast)).isLessThan(Duration.ofSeconds(1));
    }

    private void assertOnSchedule(String endpoint, String error, Integer statusCode) {
        List<Map<String, Object>> attempts =
                jdbc.sql("""
                select a.started_at, a.latency_ms, a.status_code, a.error from webhook_attempt a
                  join webhook_delivery d on d.delivery_id = a.delivery_id
                 where d.endpoint_id = ? order by a.attempt_no""").param(endpoint).query().listOfRows();
        assertThat(attempts).hasSize(SCHEDULE.size() + 1);
        for (int i = 1; i < attempts.size(); i++) {
            Instant previousEnd = ((Timestamp) attempts.get(i - 1).get("started_at"))
                    .toInstant()
                    .plusMillis(((Number) attempts.get(i - 1).get("latency_ms")).longValue());
            Instant started = ((Timestamp) attempts.get(i).get("started_at")).toInstant();
            assertThat(Duration.between(previousEnd, started))
                    .as("delay before attempt %s", i + 1)
                    .isGreaterThanOrEqualTo(SCHEDULE.get(i - 1).minusMillis(20));
        }
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.get("error")).isEqualTo(error);
            assertThat(a.get("status_code")).isEqualTo(statusCode);
        });
    }

    private String endpoint(String shop, String url, List<String> types) {
        String id = "we_" + UUID.randomUUID().toString().substring(0, 12);
        Events.publish(Events.endpoint(id, shop, 1, url, types, true));
        await().atMost(WAIT).until(() -> version(id) == 1);
        return id;
    }

    private long version(String endpoint) {
        return single(
                jdbc,
                Long.class,
                "select coalesce(max(version), 0) from webhook_endpoint where endpoint_id = ?",
                endpoint);
    }

    private String status(String endpoint) {
        return single(
                jdbc,
                String.class,
                "select coalesce(string_agg(status, ','), '') from webhook_delivery where endpoint_id = ?",
                endpoint);
    }

    private boolean disabled(String endpoint) {
        return single(
                jdbc,
                Boolean.class,
                "select disabled_at is not null from webhook_endpoint where endpoint_id = ?",
                endpoint);
    }

    private double counter(String outcome) {
        return meters.counter(WebhookMetrics.ATTEMPTS, "outcome", outcome).count();
    }

    private static String shop() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String order() {
        return "OF"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }

    private JsonNode operator(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("%s %s: %s", method, path, response.body())
                    .isLessThan(300);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int operatorStatus(String path) {
        return status(URI.create("http://127.0.0.1:" + port + path), TOKEN);
    }

    private static int status(URI uri, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the shop, holding {@code secret}, accepts the request's signature at the time it arrived. */
    private static boolean signedWith(Receiver.Request request, String secret) {
        return ShopSideCheck.verify(request.header("Orderflow-Signature"), request.body(), secret, request.at());
    }
}
