package io.orderflow.order.order.web;

import io.orderflow.order.order.usecase.NewOrder;
import io.orderflow.order.order.usecase.OrderProperties;
import io.orderflow.platform.webhook.WebhookAddresses;
import java.time.Duration;

/** The create rules that depend on configuration (bean validation covers the fixed ones). */
final class OrderRequestRules {

    private OrderRequestRules() {}

    static NewOrder newOrder(
            OrderRequests.CreateOrder request, OrderProperties properties, WebhookAddresses addresses) {
        if (request.amount().total() > properties.maxAmountFen()) {
            throw InvalidRequestException.field(
                    "amount.total", "must be at most " + properties.maxAmountFen() + " fen");
        }
        Duration expireIn = request.expireInSeconds() == null
                ? properties.defaultExpireIn()
                : Duration.ofSeconds(request.expireInSeconds());
        if (expireIn.compareTo(properties.minExpireIn()) < 0 || expireIn.compareTo(properties.maxExpireIn()) > 0) {
            throw InvalidRequestException.field(
                    "expire_in_seconds",
                    "must be between " + properties.minExpireIn().toSeconds() + " and "
                            + properties.maxExpireIn().toSeconds());
        }
        String currency =
                request.amount().currency() == null ? "CNY" : request.amount().currency();
        return new NewOrder(
                request.shopOrderNo(),
                request.description(),
                request.amount().total(),
                currency,
                request.payer().openid(),
                request.attach(),
                expireIn,
                checked(request.notifyUrl(), addresses));
    }

    /** The same rules and 400 codes as a webhook endpoint's URL (SSRF, https outside the local stack). */
    private static String checked(String notifyUrl, WebhookAddresses addresses) {
        if (notifyUrl == null) {
            return null;
        }
        try {
            addresses.check(notifyUrl);
            return notifyUrl;
        } catch (WebhookAddresses.Refused e) {
            throw new InvalidRequestException(e.code(), "notify_url: " + e.getMessage());
        }
    }
}
