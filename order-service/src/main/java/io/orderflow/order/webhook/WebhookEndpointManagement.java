package io.orderflow.order.webhook;

import io.orderflow.events.OrderStatus;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.webhook.WebhookAddresses;
import io.orderflow.platform.webhook.WebhookSecrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's use cases on its webhook endpoints. Every change commits with its WebhookEndpointChanged in the outbox;
 * a secret is answered only by create and rotate, derived from the master key and never stored.
 */
@Service
public class WebhookEndpointManagement {

    /** Every type an endpoint may want: {@code order.<status>} after a change, or {@code *} for all. */
    public static final Set<String> TYPES = Set.copyOf(
            Stream.concat(Stream.of("*"), Stream.of(OrderStatus.values()).map(WebhookEndpointManagement::typeOf))
                    .toList());

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpoints endpoints;
    private final WebhookSecrets secrets;
    private final WebhookAddresses addresses;
    private final WebhookProperties properties;
    private final Outbox outbox;
    private final Clock clock;

    WebhookEndpointManagement(
            WebhookEndpoints endpoints,
            WebhookSecrets secrets,
            WebhookAddresses addresses,
            WebhookProperties properties,
            Outbox outbox,
            Clock clock) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.addresses = addresses;
        this.properties = properties;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An endpoint with its current secret, answered once. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {}

    /** The webhook type of a status change to {@code status}: {@code order.success}, … */
    public static String typeOf(OrderStatus status) {
        return "order." + status.name().toLowerCase(Locale.ROOT);
    }

    @Transactional
    public WithSecret create(String shopId, String url, List<String> types, Boolean enabled) {
        checkUrl(url);
        List<String> wanted = checkTypes(types == null ? List.of("*") : types);
        if (endpoints.countOfShop(shopId) >= properties.maxEndpointsPerShop()) {
            throw new WebhookRequestRejected(
                    409,
                    "WEBHOOK_ENDPOINT_LIMIT_REACHED",
                    "a shop may have at most " + properties.maxEndpointsPerShop()
                            + " webhook endpoints; delete one first");
        }
        Instant now = clock.instant();
        String id = "we_" + HexFormat.of().formatHex(randomBytes(8));
        WebhookEndpoint endpoint = new WebhookEndpoint(
                id, shopId, url, wanted, enabled == null || enabled, 1, null, null, 1, now, now, null);
        endpoints.insert(endpoint);
        outbox.append(endpoint.event());
        return new WithSecret(endpoint, secrets.secret(id, 1));
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> list(String shopId) {
        return endpoints.ofShop(shopId);
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint find(String shopId, String endpointId) {
        return endpoints.find(shopId, endpointId).orElseThrow(() -> WebhookRequestRejected.notFound(endpointId));
    }

    /**
     * Changes what is given (null keeps it). An unchanged endpoint is answered as it is, without an event, except for
     * {@code enabled: true}, which is always announced: it re-enables an endpoint notify-service disabled after
     * persistent failures (a state order-service does not hold).
     */
    @Transactional
    public WebhookEndpoint update(String shopId, String endpointId, String url, List<String> types, Boolean enabled) {
        WebhookEndpoint current = locked(shopId, endpointId);
        if (url != null) {
            checkUrl(url);
        }
        String newUrl = url == null ? current.url() : url;
        List<String> newTypes = types == null ? current.types() : checkTypes(types);
        boolean newEnabled = enabled == null ? current.enabled() : enabled;
        if (newUrl.equals(current.url())
                && newTypes.equals(current.types())
                && newEnabled == current.enabled()
                && !Boolean.TRUE.equals(enabled)) {
            return current;
        }
        return save(current.changed(newUrl, newTypes, newEnabled, clock.instant()));
    }

    @Transactional
    public void delete(String shopId, String endpointId) {
        save(locked(shopId, endpointId).deleted(clock.instant()));
    }

    /**
     * A new secret; the one it replaces keeps signing for {@code overlap} (the shop's receiver accepts either
     * meanwhile). A secret older than that stops at once.
     */
    @Transactional
    public WithSecret rotate(String shopId, String endpointId, Duration overlap) {
        Duration kept = overlap == null ? properties.defaultOverlap() : overlap;
        if (kept.isNegative() || kept.compareTo(properties.maxOverlap()) > 0) {
            throw new WebhookRequestRejected(
                    400,
                    "FIELD_INVALID",
                    "overlap_seconds must be 0 to " + properties.maxOverlap().toSeconds());
        }
        Instant now = clock.instant();
        WebhookEndpoint rotated = save(locked(shopId, endpointId).rotated(now.plus(kept), now));
        return new WithSecret(rotated, secrets.secret(endpointId, rotated.secretGeneration()));
    }

    private WebhookEndpoint locked(String shopId, String endpointId) {
        return endpoints.lock(shopId, endpointId).orElseThrow(() -> WebhookRequestRejected.notFound(endpointId));
    }

    private WebhookEndpoint save(WebhookEndpoint changed) {
        if (!endpoints.update(changed)) {
            throw new IllegalStateException("webhook endpoint " + changed.endpointId() + " changed under its lock");
        }
        outbox.append(changed.event());
        return changed;
    }

    private void checkUrl(String url) {
        try {
            addresses.check(url);
        } catch (WebhookAddresses.Refused e) {
            throw new WebhookRequestRejected(400, e.code(), e.getMessage());
        }
    }

    private static List<String> checkTypes(List<String> types) {
        if (types.isEmpty()) {
            throw new WebhookRequestRejected(
                    400,
                    "WEBHOOK_TYPE_UNKNOWN",
                    "types must name at least one of " + TYPES.stream().sorted().toList());
        }
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(types));
        for (String type : wanted) {
            if (type == null || !TYPES.contains(type)) {
                throw new WebhookRequestRejected(
                        400,
                        "WEBHOOK_TYPE_UNKNOWN",
                        "types holds " + type + "; known types are "
                                + TYPES.stream().sorted().toList());
            }
        }
        return wanted;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
