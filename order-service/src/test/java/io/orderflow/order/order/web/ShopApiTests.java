package io.orderflow.order.order.web;

import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.ShopClient.Answer;
import io.orderflow.order.support.Shops;
import org.junit.jupiter.api.Test;

/** The shop API over HTTP: create, idempotent retries, reads, lookup, list, errors, isolation. */
@OrderServiceTest
class ShopApiTests extends OneShopTestBase {

    @Test
    void createsAPendingOrderWithAWechatCompatibleId() {
        String shopOrderNo = Orders.newShopOrderNo();
        Answer created = shop.post("/v1/orders", Orders.body(shopOrderNo, 8800));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("order_id")).matches("OF[0-9]{8}[0-9A-Z]{16}");
        assertThat(created.text("shop_order_no")).isEqualTo(shopOrderNo);
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.json().path("amount").path("total").asLong()).isEqualTo(8800);
        assertThat(created.json().path("version").asLong()).isEqualTo(1);
        assertThat(created.text("created_at")).isNotNull();
        assertThat(created.text("expire_at")).isNotNull();
        assertThat(created.header("Location")).isEqualTo("/v1/orders/" + created.text("order_id"));
        assertThat(shop.get("/v1/orders/" + created.text("order_id")).text("shop_order_no"))
                .isEqualTo(shopOrderNo);
    }

    @Test
    void sameShopOrderNoWithSameBodyReturnsTheSameOrderAndDifferentBodyConflicts() {
        String shopOrderNo = Orders.newShopOrderNo();
        Answer first = shop.post("/v1/orders", Orders.body(shopOrderNo, 100));
        Answer retry = shop.post("/v1/orders", Orders.body(shopOrderNo, 100));
        Answer different = shop.post("/v1/orders", Orders.body(shopOrderNo, 200));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("order_id")).isEqualTo(first.text("order_id"));
        assertError(different, 409, "SHOP_ORDER_NO_CONFLICT", "shop_order_no");
    }

    @Test
    void invalidRequestsNameTheFieldAndChangeNothing() {
        String shopOrderNo = Orders.newShopOrderNo();
        assertError(shop.post("/v1/orders", Orders.body(shopOrderNo, 0)), 400, "FIELD_INVALID", "amount.total");
        assertError(
                shop.post("/v1/orders", Orders.body(shopOrderNo, 1).replace("CNY", "USD")),
                400,
                "FIELD_INVALID",
                "amount.currency");
        assertError(
                shop.post("/v1/orders", Orders.body(shopOrderNo, 1).replace(Orders.OPENID, "bad openid")),
                400,
                "FIELD_INVALID",
                "payer.openid");
        assertError(
                shop.post(
                        "/v1/orders",
                        Orders.body(shopOrderNo, 1).replace("\"cart-42\"", "\"cart\",\"expire_in_seconds\":5")),
                400,
                "FIELD_INVALID",
                "expire_in_seconds");
        assertError(
                shop.post("/v1/orders", "{\"shop_order_no\":\"" + shopOrderNo + "\"}"), 400, "FIELD_MISSING", "amount");
        assertError(shop.post("/v1/orders", "{not json"), 400, "BODY_INVALID", "JSON");
        assertError(
                shop.post("/v1/orders", Orders.body(shopOrderNo, 1).replace("1,", "\"one\",")),
                400,
                "BODY_INVALID",
                "amount.total");

        assertThat(storedOrders(shopOrderNo)).isZero();
    }

    @Test
    void anotherShopsOrderIsNotFound() {
        String orderId = shop.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), 100))
                .text("order_id");
        ShopClient other = Shops.register(shops, port);

        assertError(other.get("/v1/orders/" + orderId), 404, "ORDER_NOT_FOUND", orderId);
        assertError(other.post("/v1/orders/" + orderId + "/close", ""), 404, "ORDER_NOT_FOUND", orderId);
        assertError(
                other.post(
                        "/v1/orders/" + orderId + "/refunds",
                        "{\"out_refund_no\":\"R1\",\"amount\":{\"refund\":1,\"currency\":\"CNY\"}}"),
                404,
                "ORDER_NOT_FOUND",
                orderId);
        assertThat(shop.get("/v1/orders/" + orderId).status()).isEqualTo(200);
    }

    @Test
    void looksUpByShopOrderNo() {
        String shopOrderNo = Orders.newShopOrderNo();
        String orderId = shop.post("/v1/orders", Orders.body(shopOrderNo, 100)).text("order_id");

        Answer found = shop.get("/v1/orders?shop_order_no=" + shopOrderNo);

        assertThat(found.json().path("orders").get(0).path("order_id").asString())
                .isEqualTo(orderId);
        assertError(shop.get("/v1/orders?shop_order_no=nope"), 404, "ORDER_NOT_FOUND", "nope");
    }

    @Test
    void listsPagesNewestFirstWithoutGapsOrRepeats() {
        java.util.List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(
                    0,
                    shop.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), 100))
                            .text("order_id"));
        }
        java.util.List<String> listed = new java.util.ArrayList<>();
        String token = null;
        do {
            Answer page =
                    shop.get("/v1/orders?status=PENDING&page_size=2" + (token == null ? "" : "&page_token=" + token));
            page.json()
                    .path("orders")
                    .forEach(order -> listed.add(order.path("order_id").asString()));
            token = page.text("next_page_token");
        } while (token != null);

        assertThat(listed).containsExactlyElementsOf(created);
        assertThat(shop.get("/v1/orders?status=SUCCESS").json().path("orders").size())
                .isZero();
        assertError(shop.get("/v1/orders?status=PAID"), 400, "FIELD_INVALID", "status");
        assertError(shop.get("/v1/orders?page_size=0"), 400, "FIELD_INVALID", "page_size");
        assertError(shop.get("/v1/orders?created_from=yesterday"), 400, "FIELD_INVALID", "created_from");
        assertError(shop.get("/v1/orders?page_token=garbage"), 400, "PAGE_TOKEN_INVALID", "page_token");
        assertError(shop.get("/v1/nothing-here"), 404, "NOT_FOUND", "nothing-here");
        assertError(shop.send("DELETE", "/v1/orders", ""), 405, "METHOD_NOT_ALLOWED", "DELETE");
    }
}
