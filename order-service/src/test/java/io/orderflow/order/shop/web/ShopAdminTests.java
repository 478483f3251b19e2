package io.orderflow.order.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.TestSigner;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin path: its own bearer token; the secret is shown once and stored encrypted. */
@OrderServiceTest
class ShopAdminTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void createsAShopWhoseSecretSignsRequestsAndIsNeverListedOrStoredInClear() {
        ResponseEntity<Map> created = admin(
                HttpMethod.POST,
                "/admin/v1/shops",
                Map.of("name", "Tencent Mall", "mchid", "1230000109", "appid", "wx2421b1c4370ec43b"),
                OrderServiceTest.ADMIN_TOKEN);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String shopId = (String) created.getBody().get("shop_id");
        String secret = (String) created.getBody().get("secret");

        assertThat(new ShopClient(port, new TestSigner(shopId, secret))
                        .get("/v1/orders")
                        .status())
                .isEqualTo(200);
        ResponseEntity<Map> listed = admin(HttpMethod.GET, "/admin/v1/shops", null, OrderServiceTest.ADMIN_TOKEN);
        assertThat(listed.getBody().toString()).contains(shopId).doesNotContain(secret);
        byte[] stored = jdbc.sql("select secret_cipher from shop where shop_id = ?")
                .param(shopId)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);

        ResponseEntity<Map> disabled =
                admin(HttpMethod.POST, "/admin/v1/shops/" + shopId + "/disable", null, OrderServiceTest.ADMIN_TOKEN);
        assertThat(disabled.getBody().get("enabled")).isEqualTo(false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesAShopForAMerchantOrAppidOrderflowHasNoKeysFor() {
        long before = jdbc.sql("select count(*) from shop").query(Long.class).single();
        for (Map<String, String> unknown : java.util.List.of(
                Map.of("name", "stranger", "mchid", "1900000999", "appid", "wx2421b1c4370ec43b"),
                Map.of("name", "other app", "mchid", "1230000109", "appid", "wx0000000000000bad"))) {
            ResponseEntity<Map> refused =
                    admin(HttpMethod.POST, "/admin/v1/shops", unknown, OrderServiceTest.ADMIN_TOKEN);
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().get("code")).isEqualTo("MERCHANT_UNKNOWN");
            assertThat((String) refused.getBody().get("message"))
                    .contains(unknown.get("mchid"))
                    .contains(unknown.get("appid"));
        }
        assertThat(jdbc.sql("select count(*) from shop").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void refusesAWrongOrMissingAdminToken() {
        assertThat(admin(HttpMethod.GET, "/admin/v1/shops", null, "wrong")
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(admin(HttpMethod.GET, "/admin/v1/shops", null, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(admin(HttpMethod.POST, "/admin/v1/shops/nope/secret", null, OrderServiceTest.ADMIN_TOKEN)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    private ResponseEntity<Map> admin(HttpMethod method, String path, Object body, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }
}
