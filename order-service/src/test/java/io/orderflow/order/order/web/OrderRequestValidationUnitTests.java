package io.orderflow.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.order.order.usecase.OrderProperties;
import io.orderflow.platform.webhook.WebhookAddresses;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** WeChat's limits on a create request, field by field. */
class OrderRequestValidationUnitTests {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();
    private static final OrderProperties PROPERTIES = new OrderProperties(null, null, null, null, null, null);
    private static final WebhookAddresses ADDRESSES = new WebhookAddresses(false, false);

    @Test
    void acceptsAValidRequest() {
        assertThat(violations(request("d", 1, "CNY", "oUpF8u_-9", 1800L))).isEmpty();
        assertThat(OrderRequestRules.newOrder(request("d", 1, "CNY", "o", null), PROPERTIES, ADDRESSES)
                        .expireIn())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void refusesFieldsOutsideWechatLimits() {
        assertThat(violations(request("x".repeat(128), 1, "CNY", "o", null))).containsExactly("description");
        assertThat(violations(request("", 1, "CNY", "o", null))).containsExactly("description");
        assertThat(violations(request("d", 0, "CNY", "o", null))).containsExactly("amount.total");
        assertThat(violations(request("d", 1, "USD", "o", null))).containsExactly("amount.currency");
        assertThat(violations(request("d", 1, "CNY", "o pen!id", null))).containsExactly("payer.openid");
        assertThat(violations(request("d", 1, "CNY", "o".repeat(129), null))).containsExactly("payer.openid");
        assertThat(violations(new OrderRequests.CreateOrder(
                        "s".repeat(65),
                        "d",
                        new OrderRequests.Amount(1L, "CNY"),
                        new OrderRequests.Payer("o"),
                        "a".repeat(129),
                        null,
                        null)))
                .containsExactlyInAnyOrder("shopOrderNo", "attach");
    }

    @Test
    void refusesExpiryAndAmountOutsideConfiguredBounds() {
        assertThatThrownBy(() -> OrderRequestRules.newOrder(request("d", 1, "CNY", "o", 59L), PROPERTIES, ADDRESSES))
                .hasMessageContaining("expire_in_seconds");
        assertThatThrownBy(() -> OrderRequestRules.newOrder(request("d", 1, "CNY", "o", 7201L), PROPERTIES, ADDRESSES))
                .hasMessageContaining("expire_in_seconds");
        assertThatThrownBy(() ->
                        OrderRequestRules.newOrder(request("d", 100_000_001L, "CNY", "o", null), PROPERTIES, ADDRESSES))
                .hasMessageContaining("amount.total");
    }

    @Test
    void refusesANotifyUrlByTheRulesOfWebhookEndpointsWithTheirCodes() {
        assertThat(code("http://shop.example.com/notify")).isEqualTo("WEBHOOK_URL_NOT_HTTPS");
        assertThat(code("https://127.0.0.1/notify")).isEqualTo("WEBHOOK_URL_ADDRESS_FORBIDDEN");
        assertThat(code("https://169.254.169.254/latest/meta-data")).isEqualTo("WEBHOOK_URL_ADDRESS_FORBIDDEN");
        assertThat(code("https://user@shop.example.com/notify")).isEqualTo("WEBHOOK_URL_INVALID");
        assertThat(code("notify")).isEqualTo("WEBHOOK_URL_INVALID");
        assertThat(OrderRequestRules.newOrder(request("d", 1, "CNY", "o", null), PROPERTIES, ADDRESSES)
                        .notifyUrl())
                .isNull();
    }

    private static String code(String notifyUrl) {
        OrderRequests.CreateOrder request = new OrderRequests.CreateOrder(
                "SO-1", "d", new OrderRequests.Amount(1L, "CNY"), new OrderRequests.Payer("o"), null, null, notifyUrl);
        try {
            OrderRequestRules.newOrder(request, PROPERTIES, ADDRESSES);
            return null;
        } catch (InvalidRequestException e) {
            assertThat(e.getMessage()).startsWith("notify_url");
            return e.code();
        }
    }

    @Test
    void namesFieldsInSnakeCase() {
        assertThat(ApiErrors.snakeCase("shopOrderNo")).isEqualTo("shop_order_no");
        assertThat(ApiErrors.snakeCase("amount.total")).isEqualTo("amount.total");
        assertThat(ApiErrors.snakeCase("expireInSeconds")).isEqualTo("expire_in_seconds");
    }

    private static OrderRequests.CreateOrder request(
            String description, long total, String currency, String openid, Long expireIn) {
        return new OrderRequests.CreateOrder(
                "SO-1",
                description,
                new OrderRequests.Amount(total, currency),
                new OrderRequests.Payer(openid),
                null,
                expireIn,
                null);
    }

    private static Set<String> violations(OrderRequests.CreateOrder request) {
        Set<ConstraintViolation<OrderRequests.CreateOrder>> violations = VALIDATOR.validate(request);
        return violations.stream()
                .map(v -> v.getPropertyPath().toString())
                .collect(java.util.stream.Collectors.toSet());
    }
}
