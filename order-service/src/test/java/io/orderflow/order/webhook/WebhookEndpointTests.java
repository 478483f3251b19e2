package io.orderflow.order.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.WebhookEndpointChanged;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.Shops;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.platform.webhook.WebhookSecrets;
import io.orderflow.testkit.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shop API's webhook endpoints: the secret shown once and never stored or published; SSRF refusals; an order's
 * own notify_url, checked by the same rules and carried in its status changes.
 */
@OrderServiceTest
class WebhookEndpointTests extends OneShopTestBase {

    private static final String URL = "https://93.184.216.34/orderflow/hooks";
    private static final WebhookSecrets SECRETS = new WebhookSecrets(OrderServiceTest.WEBHOOK_MASTER_KEY);

    @Test
    void registersAnEndpointWhoseSecretIsShownOnceAndNeverStoredOrPublished() {
        ShopClient.Answer created = shop.post(
                "/v1/webhook-endpoints", "{\"url\":\"" + URL + "\",\"types\":[\"order.success\",\"order.refund\"]}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("endpoint_id");
        String secret = created.text("secret");
        assertThat(secret).isEqualTo(SECRETS.secret(id, 1));
        assertThat(created.header("Location")).isEqualTo("/v1/webhook-endpoints/" + id);
        ShopClient.Answer listed = shop.get("/v1/webhook-endpoints");
        assertThat(listed.json().toString())
                .contains(id)
                .contains("order.refund")
                .doesNotContain(secret);
        assertThat(shop.get("/v1/webhook-endpoints/" + id).json().has("secret")).isFalse();
        String row = jdbc.sql("select row_to_json(w)::text from webhook_endpoint w where endpoint_id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(secret);

        List<TopicProbe.Received> records = published(id, 1);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain(secret);
        WebhookEndpointChanged changed =
                Broker.decode(records, WebhookEndpointChanged.class).get(0);
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.url()).isEqualTo(URL);
        assertThat(changed.types()).containsExactly("order.success", "order.refund");
        assertThat(changed.secretGeneration()).isEqualTo(1);
        assertThat(changed.enabled()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "http://93.184.216.34/hooks, WEBHOOK_URL_NOT_HTTPS",
        "https://127.0.0.1/hooks, WEBHOOK_URL_ADDRESS_FORBIDDEN",
        "https://localhost:8443/hooks, WEBHOOK_URL_ADDRESS_FORBIDDEN",
        "https://169.254.169.254/latest/meta-data, WEBHOOK_URL_ADDRESS_FORBIDDEN",
        "https://10.0.0.7/hooks, WEBHOOK_URL_ADDRESS_FORBIDDEN",
        "https://[::1]/hooks, WEBHOOK_URL_ADDRESS_FORBIDDEN",
        "https://no-such-host.invalid/hooks, WEBHOOK_URL_HOST_UNKNOWN",
        "hooks, WEBHOOK_URL_INVALID"
    })
    void refusesUrlsThatAreNotHttpsOrReachIntoTheNetworkAndStoresNothing(String url, String code) {
        ShopClient.Answer refused = shop.post("/v1/webhook-endpoints", "{\"url\":\"" + url + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo(code);
        assertThat(shop.get("/v1/webhook-endpoints")
                        .json()
                        .path("webhook_endpoints")
                        .size())
                .isZero();
        String created =
                shop.post("/v1/webhook-endpoints", "{\"url\":\"" + URL + "\"}").text("endpoint_id");
        ShopClient.Answer patched = shop.send("PATCH", "/v1/webhook-endpoints/" + created, "{\"url\":\"" + url + "\"}");
        assertThat(patched.text("code")).isEqualTo(code);
        assertThat(shop.get("/v1/webhook-endpoints/" + created).text("url")).isEqualTo(URL);
    }

    @Test
    void refusesUnknownTypes() {
        ShopClient.Answer refused =
                shop.post("/v1/webhook-endpoints", "{\"url\":\"" + URL + "\",\"types\":[\"order.paid\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("WEBHOOK_TYPE_UNKNOWN");
    }

    @Test
    void rotationIssuesTheNextGenerationAndKeepsThePreviousOneForTheOverlap() {
        ShopClient.Answer created = shop.post("/v1/webhook-endpoints", "{\"url\":\"" + URL + "\"}");
        String id = created.text("endpoint_id");

        ShopClient.Answer rotated = shop.post("/v1/webhook-endpoints/" + id + "/secret", "{\"overlap_seconds\":3600}");

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("secret")).isEqualTo(SECRETS.secret(id, 2)).isNotEqualTo(created.text("secret"));
        assertThat(rotated.json().path("secret_generation").asInt()).isEqualTo(2);
        Instant until = Instant.parse(rotated.text("previous_secret_valid_until"));
        assertThat(until)
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        WebhookEndpointChanged changed =
                Broker.decode(published(id, 2), WebhookEndpointChanged.class).get(1);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.secretGeneration()).isEqualTo(2);
        assertThat(changed.previousSecretGeneration()).isEqualTo(1);
        assertThat(changed.previousSecretValidUntil()).isEqualTo(until);

        ShopClient.Answer tooLong =
                shop.post("/v1/webhook-endpoints/" + id + "/secret", "{\"overlap_seconds\":9999999}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("code")).isEqualTo("FIELD_INVALID");
    }

    @Test
    void aShopSeesAndChangesOnlyItsOwnEndpointsAndADeletionIsPublished() {
        ShopClient owner = Shops.register(shops, port);
        ShopClient other = Shops.register(shops, port);
        String id =
                owner.post("/v1/webhook-endpoints", "{\"url\":\"" + URL + "\"}").text("endpoint_id");

        assertThat(other.get("/v1/webhook-endpoints/" + id).status()).isEqualTo(404);
        assertThat(other.send("DELETE", "/v1/webhook-endpoints/" + id, "").text("code"))
                .isEqualTo("WEBHOOK_ENDPOINT_NOT_FOUND");
        ShopClient.Answer disabled = owner.send("PATCH", "/v1/webhook-endpoints/" + id, "{\"enabled\":false}");
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(owner.send("DELETE", "/v1/webhook-endpoints/" + id, "").status())
                .isEqualTo(204);
        assertThat(owner.get("/v1/webhook-endpoints/" + id).status()).isEqualTo(404);

        List<WebhookEndpointChanged> changes = Broker.decode(published(id, 3), WebhookEndpointChanged.class);
        assertThat(changes).extracting(WebhookEndpointChanged::version).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(1).enabled()).isFalse();
        assertThat(changes.get(2).deleted()).isTrue();
    }

    @Test
    void enablingAnEnabledEndpointIsAnnouncedSoNotifyServiceLiftsADisablementForFailures() {
        String id =
                shop.post("/v1/webhook-endpoints", "{\"url\":\"" + URL + "\"}").text("endpoint_id");

        assertThat(shop.send("PATCH", "/v1/webhook-endpoints/" + id, "{\"types\":[\"*\"]}")
                        .status())
                .isEqualTo(200);
        assertThat(shop.send("PATCH", "/v1/webhook-endpoints/" + id, "{\"enabled\":true}")
                        .status())
                .isEqualTo(200);

        List<WebhookEndpointChanged> changes = Broker.decode(published(id, 2), WebhookEndpointChanged.class);
        assertThat(changes).extracting(WebhookEndpointChanged::version).containsExactly(1L, 2L);
        assertThat(changes.get(1).enabled()).isTrue();
    }

    @Test
    void anOrderCreatedWithItsOwnNotifyUrlCarriesItInItsStatusChangesSignedWithTheShopsSecret() {
        String shopOrderNo = Orders.newShopOrderNo();
        String notifyUrl = "https://93.184.216.34/orderflow/notify?order=" + shopOrderNo;
        ShopClient.Answer created = shop.post("/v1/orders", withNotifyUrl(Orders.body(shopOrderNo, 100), notifyUrl));

        assertThat(created.status()).isEqualTo(201);
        String orderId = created.text("order_id");
        assertThat(created.text("notify_url")).isEqualTo(notifyUrl);
        assertThat(shop.get("/v1/orders/" + orderId).text("notify_url")).isEqualTo(notifyUrl);
        try (TopicProbe probe = Broker.probe(EventTypes.ORDER_STATUS_TOPIC)) {
            OrderStatusChanged changed = Broker.decode(
                            probe.awaitKey(orderId, 1, Broker.WAIT), OrderStatusChanged.class)
                    .get(0);
            assertThat(changed.notifyUrl()).isEqualTo(notifyUrl);
        }
        assertThat(shop.post("/v1/orders", withNotifyUrl(Orders.body(shopOrderNo, 100), notifyUrl))
                        .status())
                .as("a retry")
                .isEqualTo(200);
        assertThat(shop.post("/v1/orders", withNotifyUrl(Orders.body(shopOrderNo, 100), notifyUrl + "&other"))
                        .text("code"))
                .as("the same shop_order_no with another notify_url")
                .isEqualTo("SHOP_ORDER_NO_CONFLICT");
        assertThat(shop.get("/v1/webhook-secret").text("secret"))
                .isEqualTo(SECRETS.shopSecret(shop.signer().shopId()));
    }

    @ParameterizedTest
    @CsvSource({
        "http://93.184.216.34/notify, WEBHOOK_URL_NOT_HTTPS",
        "https://169.254.169.254/latest/meta-data, WEBHOOK_URL_ADDRESS_FORBIDDEN",
        "https://no-such-host.invalid/notify, WEBHOOK_URL_HOST_UNKNOWN",
        "notify, WEBHOOK_URL_INVALID"
    })
    void refusesAnOrdersNotifyUrlByTheEndpointRulesAndCreatesNothing(String url, String code) {
        String shopOrderNo = Orders.newShopOrderNo();
        ShopClient.Answer refused = shop.post("/v1/orders", withNotifyUrl(Orders.body(shopOrderNo, 100), url));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo(code);
        assertThat(refused.text("message")).startsWith("notify_url");
        assertThat(storedOrders(shopOrderNo)).isZero();
    }

    private static String withNotifyUrl(String body, String notifyUrl) {
        return body.substring(0, body.length() - 1) + ",\"notify_url\":\"" + notifyUrl + "\"}";
    }

    private static List<TopicProbe.Received> published(String endpointId, int count) {
        try (TopicProbe probe = Broker.probe(EventTypes.ORDER_WEBHOOKS_TOPIC)) {
            return probe.awaitKey(endpointId, count, Broker.WAIT);
        }
    }
}
