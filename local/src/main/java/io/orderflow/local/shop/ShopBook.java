package io.orderflow.local.shop;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The shop's own book of its orders, kept from webhook deliveries only (as a shop with a plain web server keeps
 * its orders table): the status of the highest version applied. A repeated {@code ce-id} is dropped, an older
 * version arriving late is ignored (docs/webhooks.md). In memory: the demo restarts with an empty book.
 */
@Component
class ShopBook {

    /** What the shop marked an order as, from which delivery. */
    record Entry(
            String status,
            long version,
            String ceId,
            String deliveryId,
            int attempt,
            Instant receivedAt,
            int deliveries) {}

    /** What a delivery did to the book. */
    enum Outcome {
        APPLIED,
        OLDER_VERSION,
        DUPLICATE
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    Outcome apply(
            String orderId,
            long version,
            String status,
            String ceId,
            String deliveryId,
            int attempt,
            Instant receivedAt) {
        if (!seen.add(ceId)) {
            entries.computeIfPresent(
                    orderId,
                    (id, entry) -> new Entry(
                            entry.status(),
                            entry.version(),
                            entry.ceId(),
                            entry.deliveryId(),
                            entry.attempt(),
                            entry.receivedAt(),
                            entry.deliveries() + 1));
            return Outcome.DUPLICATE;
        }
        Outcome[] outcome = {Outcome.APPLIED};
        entries.merge(orderId, new Entry(status, version, ceId, deliveryId, attempt, receivedAt, 1), (old, fresh) -> {
            if (fresh.version() <= old.version()) {
                outcome[0] = Outcome.OLDER_VERSION;
                return new Entry(
                        old.status(),
                        old.version(),
                        old.ceId(),
                        old.deliveryId(),
                        old.attempt(),
                        old.receivedAt(),
                        old.deliveries() + 1);
            }
            return new Entry(
                    fresh.status(),
                    fresh.version(),
                    fresh.ceId(),
                    fresh.deliveryId(),
                    fresh.attempt(),
                    fresh.receivedAt(),
                    old.deliveries() + 1);
        });
        return outcome[0];
    }

    /** The order as the shop's book has it; null before its first delivery. */
    Entry entry(String orderId) {
        return entries.get(orderId);
    }
}
