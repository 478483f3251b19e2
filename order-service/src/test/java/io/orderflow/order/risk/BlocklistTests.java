package io.orderflow.order.risk;

import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.support.Admin;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payers blocked at one shop or everywhere through the admin path; their orders are refused and not created. */
@OrderServiceTest
class BlocklistTests extends OneShopTestBase {

    ShopClient otherShop;
    Admin admin;
    String payer;

    @BeforeEach
    void registerOtherShop() {
        otherShop = Shops.register(shops, port);
        admin = new Admin(port);
        payer = Orders.newOpenid();
    }

    @Test
    void aPayerBlockedAtOneShopIsRefusedThereOnlyUntilUnblocked() {
        String path = "/admin/v1/shops/" + shop.signer().shopId() + "/blocklist";
        assertThat(admin.post(path, block("chargebacks")).status()).isEqualTo(201);
        assertThat(admin.post(path, block("again")).status())
                .as("already blocked")
                .isEqualTo(200);
        assertThat(admin.get(path).json().path("blocked").get(0).path("openid").asString())
                .isEqualTo(payer);

        assertRefusedAndNothingCreated(shop);
        assertThat(create(otherShop).status()).isEqualTo(201);
        assertThat(create(shop, Orders.newOpenid()).status())
                .as("another payer")
                .isEqualTo(201);

        assertThat(admin.post(path + "/remove", block(null))
                        .json()
                        .path("removed")
                        .asBoolean())
                .isTrue();
        assertThat(admin.get(path).json().path("blocked").size()).isZero();
        assertThat(create(shop).status()).isEqualTo(201);
    }

    @Test
    void aPayerBlockedGloballyIsRefusedAtEveryShop() {
        assertThat(admin.post("/admin/v1/blocklist", block("stolen card ring")).status())
                .isEqualTo(201);
        try {
            assertRefusedAndNothingCreated(shop);
            assertRefusedAndNothingCreated(otherShop);
            assertThat(admin.get("/admin/v1/blocklist").json().path("blocked").toString())
                    .contains(payer);
        } finally {
            assertThat(admin.post("/admin/v1/blocklist/remove", block(null))
                            .json()
                            .path("removed")
                            .asBoolean())
                    .isTrue();
        }
        assertThat(create(shop).status()).isEqualTo(201);
    }

    @Test
    void theBlocklistNeedsTheAdminTokenAndAKnownShop() {
        assertThat(new ShopClient(port, null)
                        .raw("GET", "/admin/v1/blocklist", "", "Bearer wrong")
                        .status())
                .isEqualTo(401);
        assertThat(admin.post("/admin/v1/shops/shop-nope/blocklist", block(null))
                        .status())
                .isEqualTo(404);
        assertThat(admin.post("/admin/v1/blocklist", "{\"openid\":\"\"}").status())
                .isEqualTo(400);
    }

    private void assertRefusedAndNothingCreated(ShopClient at) {
        String shopOrderNo = Orders.newShopOrderNo();
        ShopClient.Answer answer = at.post("/v1/orders", Orders.body(shopOrderNo, 100, payer));
        assertError(answer, 403, RiskCode.PAYER_BLOCKED.name(), "blocked");
        assertThat(answer.text("message")).doesNotContain(payer);
        assertThat(jdbc.sql("select count(*) from orders where shop_order_no = ? or payer_openid = ? and shop_id = ?")
                        .params(shopOrderNo, payer, at.signer().shopId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private ShopClient.Answer create(ShopClient at) {
        return create(at, payer);
    }

    private ShopClient.Answer create(ShopClient at, String openid) {
        return at.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), 100, openid));
    }

    private String block(String reason) {
        return "{\"openid\":\"" + payer + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }
}
