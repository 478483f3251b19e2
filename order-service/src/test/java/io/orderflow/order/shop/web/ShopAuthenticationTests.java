package io.orderflow.order.shop.web;

import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.TestSigner;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a request can fail authentication gets its own 401 code; oversized bodies get 413. */
@OrderServiceTest
class ShopAuthenticationTests extends OneShopTestBase {

    TestSigner signer;

    @BeforeEach
    void keepSigner() {
        signer = shop.signer();
    }

    @Test
    void refusesMissingOrGarbledAuthorization() {
        assertError(shop.raw("GET", "/v1/orders", "", null), 401, "AUTHORIZATION_INVALID", "Authorization");
        assertError(
                shop.raw("GET", "/v1/orders", "", "ORDERFLOW-HMAC-SHA256 nonsense"),
                401,
                "AUTHORIZATION_INVALID",
                "Authorization");
    }

    @Test
    void refusesUnknownAndDisabledShops() {
        TestSigner stranger = new TestSigner("shop-unknown", "secret");
        assertError(
                shop.raw("GET", "/v1/orders", "", stranger.authorization("GET", "/v1/orders", now(), nonce(), "")),
                401,
                "SHOP_UNKNOWN",
                "shop-unknown");

        shops.disable(signer.shopId());
        assertError(shop.get("/v1/orders"), 401, "SHOP_UNKNOWN", signer.shopId());
    }

    @Test
    void refusesTimestampsOutsideFiveMinutes() {
        String old = String.valueOf(Instant.now().minusSeconds(301).getEpochSecond());
        String future = String.valueOf(Instant.now().plusSeconds(301).getEpochSecond());

        assertError(
                shop.raw("GET", "/v1/orders", "", signer.authorization("GET", "/v1/orders", old, nonce(), "")),
                401,
                "TIMESTAMP_OUT_OF_WINDOW",
                old);
        assertError(
                shop.raw("GET", "/v1/orders", "", signer.authorization("GET", "/v1/orders", future, nonce(), "")),
                401,
                "TIMESTAMP_OUT_OF_WINDOW",
                future);
    }

    @Test
    void refusesWrongSignaturesIncludingATamperedBodyOrQuery() {
        String body = Orders.body(Orders.newShopOrderNo(), 100);
        String signedForOtherBody =
                signer.authorization("POST", "/v1/orders", now(), nonce(), body.replace("100", "1"));
        String signedForOtherQuery = signer.authorization("GET", "/v1/orders?status=SUCCESS", now(), nonce(), "");
        TestSigner wrongSecret = new TestSigner(signer.shopId(), "not-the-secret");

        assertError(shop.raw("POST", "/v1/orders", body, signedForOtherBody), 401, "SIGNATURE_INVALID", "signature");
        assertError(
                shop.raw("GET", "/v1/orders?status=PENDING", "", signedForOtherQuery),
                401,
                "SIGNATURE_INVALID",
                "signature");
        assertError(
                shop.raw("GET", "/v1/orders", "", wrongSecret.authorization("GET", "/v1/orders", now(), nonce(), "")),
                401,
                "SIGNATURE_INVALID",
                "signature");
    }

    @Test
    void refusesAReusedNonce() {
        String authorization = signer.authorization("GET", "/v1/orders", now(), "once-" + nonce(), "");

        assertThat(shop.raw("GET", "/v1/orders", "", authorization).status()).isEqualTo(200);
        assertError(shop.raw("GET", "/v1/orders", "", authorization), 401, "NONCE_REUSED", "nonce");
    }

    @Test
    void refusesBodiesOverTheLimit() {
        String body = "{\"description\":\"" + "x".repeat(70_000) + "\"}";

        assertError(shop.post("/v1/orders", body), 413, "BODY_TOO_LARGE", "65536");
    }

    @Test
    void secretRotationStopsTheOldSecretAtOnce() {
        String newSecret = shops.rotate(signer.shopId()).secret();

        assertError(shop.get("/v1/orders"), 401, "SIGNATURE_INVALID", "signature");
        assertThat(new ShopClient(port, new TestSigner(signer.shopId(), newSecret))
                        .get("/v1/orders")
                        .status())
                .isEqualTo(200);
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
