package io.orderflow.order.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of webhook endpoints, under {@code orderflow.webhooks}.
 *
 * @param masterKey the key every endpoint secret is derived from (Base64, at least 32 bytes; a Secret shared with
 *     notify-service); required
 * @param allowHttp accept plain {@code http} URLs (the local profile only)
 * @param allowPrivateAddresses accept URLs whose host is loopback, link-local or private (shops inside the
 *     deployment's own network, local runs)
 * @param maxEndpointsPerShop endpoints a shop may have at once
 * @param defaultOverlap how long the previous secret still signs after a rotation, unless the shop says otherwise
 * @param maxOverlap the longest overlap a shop may ask for
 */
@ConfigurationProperties("orderflow.webhooks")
record WebhookProperties(String masterKey, Boolean allowHttp, Boolean allowPrivateAddresses,
                         Integer maxEndpointsPerShop, Duration defaultOverlap, Duration maxOverlap) {

    WebhookProperties {
        allowHttp = allowHttp != null && allowHttp;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        maxEndpointsPerShop = maxEndpointsPerShop == null ? 16 : maxEndpointsPerShop;
        defaultOverlap = defaultOverlap == null ? Duration.ofHours(24) : defaultOverlap;
        maxOverlap = maxOverlap == null ? Duration.ofDays(7) : maxOverlap;
    }
}
