package io.orderflow.local.shop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo shop ({@code demo-shop.*}), given by the launcher.
 *
 * @param orderServiceUrl base URL of order-service's shop API
 * @param shopId the shop's id at order-service
 * @param shopSecret the shop's signing secret; stays on this server
 * @param kafkaBootstrap brokers to read {@code orderflow.order.status} (and the topics it cites) from
 * @param simulatorUrl the WeChat Pay simulator whose WeixinJSBridge shim the page uses; empty with real WeChat
 * @param expireIn how long an order stays payable
 * @param openid the payer's openid under the shop's appid (in WeChat the page learns it through OAuth)
 * @param notifyUrl where orderflow delivers the webhooks of the shop's orders (its {@code /shop/webhooks})
 */
@ConfigurationProperties("demo-shop")
record DemoShopProperties(
        String orderServiceUrl,
        String shopId,
        String shopSecret,
        String kafkaBootstrap,
        String simulatorUrl,
        Duration expireIn,
        String openid,
        String notifyUrl) {

    DemoShopProperties {
        expireIn = expireIn == null ? Duration.ofSeconds(90) : expireIn;
        openid = openid == null ? "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" : openid;
    }

    boolean usesSimulator() {
        return simulatorUrl != null && !simulatorUrl.isBlank();
    }
}
