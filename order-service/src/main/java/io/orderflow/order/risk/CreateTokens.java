package io.orderflow.order.risk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A shop's create tokens as this replica spends them. A busy shop's bucket row would be updated by every
 * create of every replica; instead a replica takes a lease's worth ({@code rate / 50}, at least one) in one
 * update and spends it within {@value #LEASE_MILLIS} ms, or drops what is left. Tokens still come only from
 * the shared bucket, so the shops' rates are never exceeded; a replica holding unspent tokens may make
 * another refuse a little early (at most a lease's worth). Shops under 100 per second take one token at a
 * time, exactly as without leases.
 */
@Component
class CreateTokens {

    static final long LEASE_MILLIS = 20;
    private static final Duration LEASE = Duration.ofMillis(LEASE_MILLIS);

    private final CreateBuckets buckets;
    private final Clock clock;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    CreateTokens(CreateBuckets buckets, Clock clock) {
        this.buckets = buckets;
        this.clock = clock;
    }

    /**
     * Spends one of the shop's tokens.
     *
     * @return empty when a token was spent, else the bucket's state that refused it
     */
    Optional<CreateBuckets.Take> spend(String shopId, int defaultRate) {
        Lease lease = leases.computeIfAbsent(shopId, id -> new Lease());
        synchronized (lease) {
            Instant now = clock.instant();
            if (lease.remaining > 0 && now.isBefore(lease.expiresAt)) {
                lease.remaining--;
                return Optional.empty();
            }
            CreateBuckets.Take take = buckets.take(shopId, defaultRate, now, LEASE);
            lease.remaining = Math.max(0, take.taken() - 1);
            lease.expiresAt = now.plus(LEASE);
            return take.taken() > 0 ? Optional.empty() : Optional.of(take);
        }
    }

    /** Tokens this replica took and has not spent yet. */
    private static final class Lease {
        private int remaining;
        private Instant expiresAt = Instant.MIN;
    }
}
