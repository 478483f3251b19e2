package io.orderflow.order.order.web;

import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.order.OrderFlows;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shop API reads JSON strictly, field by field: amounts are JSON integers (no 1.5, 1.0, 1e2 or "100"), text
 * fields are JSON strings (no numbers or booleans turned into text), no NUL in text. Each refusal is a 400 naming
 * the field and changes nothing.
 */
@OrderServiceTest
class StrictJsonTests extends OneShopTestBase {

    private static final String CREATE = """
            {"shop_order_no":%s,"description":%s,"amount":{"total":%s,"currency":%s},"payer":{"openid":%s},\
            "attach":%s,"expire_in_seconds":%s}""";
    private static final String REFUND = """
            {"out_refund_no":%s,"amount":{"refund":%s,"currency":%s},"reason":%s}""";

    static Stream<Arguments> notWholeFen() {
        return Stream.of("1.5", "1.0", "1e2", "\"100\"", "true", "[1]", "{}", "99999999999999999999")
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("notWholeFen")
    void refusesAnOrderTotalThatIsNotAJsonInteger(String total) {
        String shopOrderNo = Orders.newShopOrderNo();
        assertError(
                shop.post("/v1/orders", create(quote(shopOrderNo), total, "1800")),
                400,
                "BODY_INVALID",
                "amount.total");
        assertNothingCreated(shopOrderNo);
    }

    @ParameterizedTest
    @MethodSource("notWholeFen")
    void refusesAnExpiryThatIsNotAJsonInteger(String seconds) {
        String shopOrderNo = Orders.newShopOrderNo();
        assertError(
                shop.post("/v1/orders", create(quote(shopOrderNo), "100", seconds)),
                400,
                "BODY_INVALID",
                "expire_in_seconds");
        assertNothingCreated(shopOrderNo);
    }

    @ParameterizedTest
    @MethodSource("notWholeFen")
    void refusesARefundAmountThatIsNotAJsonInteger(String refund) {
        String orderId = OrderFlows.paidOrder(shop, 1000);
        assertError(
                shop.post(
                        "/v1/orders/" + orderId + "/refunds", REFUND.formatted("\"R-1\"", refund, "\"CNY\"", "\"r\"")),
                400,
                "BODY_INVALID",
                "amount.refund");
        assertNoRefunds(orderId);
    }

    @Test
    void refusesTextFieldsThatAreNotJsonStrings() {
        String shopOrderNo = Orders.newShopOrderNo();
        String no = quote(shopOrderNo);
        for (String notText : new String[] {"12345678", "true", "1.5", "[\"a\"]", "{\"a\":1}"}) {
            assertError(
                    shop.post(
                            "/v1/orders",
                            CREATE.formatted(notText, "\"d\"", "100", "\"CNY\"", "\"o1\"", "\"a\"", "1800")),
                    400,
                    "BODY_INVALID",
                    "shop_order_no");
            assertError(
                    shop.post("/v1/orders", CREATE.formatted(no, notText, "100", "\"CNY\"", "\"o1\"", "\"a\"", "1800")),
                    400,
                    "BODY_INVALID",
                    "description");
            assertError(
                    shop.post("/v1/orders", CREATE.formatted(no, "\"d\"", "100", notText, "\"o1\"", "\"a\"", "1800")),
                    400,
                    "BODY_INVALID",
                    "amount.currency");
            assertError(
                    shop.post("/v1/orders", CREATE.formatted(no, "\"d\"", "100", "\"CNY\"", notText, "\"a\"", "1800")),
                    400,
                    "BODY_INVALID",
                    "payer.openid");
            assertError(
                    shop.post("/v1/orders", CREATE.formatted(no, "\"d\"", "100", "\"CNY\"", "\"o1\"", notText, "1800")),
                    400,
                    "BODY_INVALID",
                    "attach");
        }
        assertNothingCreated(shopOrderNo);
        assertNothingCreated("12345678");
    }

    @Test
    void refusesRefundTextFieldsThatAreNotJsonStrings() {
        String orderId = OrderFlows.paidOrder(shop, 1000);
        String path = "/v1/orders/" + orderId + "/refunds";
        assertError(
                shop.post(path, REFUND.formatted("12345", "1", "\"CNY\"", "\"r\"")),
                400,
                "BODY_INVALID",
                "out_refund_no");
        assertError(
                shop.post(path, REFUND.formatted("\"R-1\"", "1", "1", "\"r\"")),
                400,
                "BODY_INVALID",
                "amount.currency");
        assertError(
                shop.post(path, REFUND.formatted("\"R-1\"", "1", "\"CNY\"", "false")), 400, "BODY_INVALID", "reason");
        assertNoRefunds(orderId);
    }

    @Test
    void refusesNulInEveryTextField() {
        String shopOrderNo = Orders.newShopOrderNo();
        String no = quote(shopOrderNo);
        String nul = "\"a\\u0000b\"";
        assertError(
                shop.post("/v1/orders", create("\"SO-\\u0000-1\"", "100", "1800")),
                400,
                "FIELD_INVALID",
                "shop_order_no");
        assertError(
                shop.post("/v1/orders", CREATE.formatted(no, nul, "100", "\"CNY\"", "\"o1\"", "\"a\"", "1800")),
                400,
                "FIELD_INVALID",
                "description");
        assertError(
                shop.post("/v1/orders", CREATE.formatted(no, "\"d\"", "100", "\"CNY\"", "\"o1\"", nul, "1800")),
                400,
                "FIELD_INVALID",
                "attach");
        assertNothingCreated(shopOrderNo);

        String orderId = OrderFlows.paidOrder(shop, 1000);
        assertError(
                shop.post("/v1/orders/" + orderId + "/refunds", REFUND.formatted("\"R-1\"", "1", "\"CNY\"", nul)),
                400,
                "FIELD_INVALID",
                "reason");
        assertError(shop.get("/v1/orders?shop_order_no=SO%00X"), 400, "FIELD_INVALID", "shop_order_no");
        assertError(shop.get("/v1/orders/OF2026-not-an-id"), 404, "ORDER_NOT_FOUND", "OF2026-not-an-id");
        assertNoRefunds(orderId);
    }

    @Test
    void refusesTextWechatPayWouldRefuseAtPrepay() {
        String shopOrderNo = Orders.newShopOrderNo();
        String emoji = "\"mug \\ud83d\\ude00\"";
        assertError(
                shop.post(
                        "/v1/orders",
                        CREATE.formatted(quote(shopOrderNo), emoji, "100", "\"CNY\"", "\"o1\"", "\"a\"", "1800")),
                400,
                "FIELD_INVALID",
                "description");
        assertError(
                shop.post(
                        "/v1/orders",
                        CREATE.formatted(quote(shopOrderNo), "\"d\"", "100", "\"CNY\"", "\"o1\"", emoji, "1800")),
                400,
                "FIELD_INVALID",
                "attach");
        assertNothingCreated(shopOrderNo);
    }

    @Test
    void refusesUnknownFieldsSoATypoCannotBeIgnored() {
        String shopOrderNo = Orders.newShopOrderNo();
        assertError(
                shop.post("/v1/orders", Orders.body(shopOrderNo, 100).replace("\"attach\"", "\"atach\"")),
                400,
                "BODY_INVALID",
                "atach");
        assertNothingCreated(shopOrderNo);
    }

    @Test
    void stillAcceptsWellFormedIntegers() {
        String shopOrderNo = Orders.newShopOrderNo();
        ShopClient.Answer created = shop.post("/v1/orders", create(quote(shopOrderNo), "100", "1800"));
        assertThat(created.status()).as("%s", created.json()).isEqualTo(201);
        assertThat(created.json().path("amount").path("total").asLong()).isEqualTo(100);
    }

    private String create(String shopOrderNo, String total, String expireIn) {
        return CREATE.formatted(shopOrderNo, "\"d\"", total, "\"CNY\"", quote(Orders.newOpenid()), "\"a\"", expireIn);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private void assertNothingCreated(String shopOrderNo) {
        assertThat(storedOrders(shopOrderNo)).isZero();
    }

    private void assertNoRefunds(String orderId) {
        assertThat(shop.get("/v1/orders/" + orderId).json().path("refunds").size())
                .isZero();
    }
}
