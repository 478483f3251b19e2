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
 * @param log where the shop API reads the delivery log: notify-service's operator API
 */
@ConfigurationProperties("orderflow.webhooks")
record WebhookProperties(
        String masterKey,
        Boolean allowHttp,
        Boolean allowPrivateAddresses,
        Integer maxEndpointsPerShop,
        Duration defaultOverlap,
        Duration maxOverlap,
        Log log) {

    /**
     * notify-service's operator API, which keeps the deliveries.
     *
     * @param url its base URL ({@code http://notify-service:8080}); empty: the shop API answers 503
     *     WEBHOOK_LOG_UNAVAILABLE for the log
     * @param token its operator token (notify-service's {@code orderflow.admin.token})
     * @param timeout how long a read of the log may take
     */
    public record Log(String url, String token, Duration timeout) {
        public Log {
            url = url == null ? "" : url.replaceAll("/+$", "");
            token = token == null ? "" : token;
            timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        }

        @Override
        public String toString() {
            return "Log[url=" + url + ", token=" + (token.isEmpty() ? "" : "***") + ", timeout=" + timeout + "]";
        }
    }

    WebhookProperties {
        allowHttp = allowHttp != null && allowHttp;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        maxEndpointsPerShop = maxEndpointsPerShop == null ? 16 : maxEndpointsPerShop;
        defaultOverlap = defaultOverlap == null ? Duration.ofHours(24) : defaultOverlap;
        maxOverlap = maxOverlap == null ? Duration.ofDays(7) : maxOverlap;
        log = log == null ? new Log(null, null, null) : log;
    }
}
