package io.orderflow.order.risk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
        if (lease.trySpend(clock.instant())) {
            return Optional.empty();
        }
        // one thread refills at a time; the others wait for it and then spend from its lease
        synchronized (lease) {
            Instant now = clock.instant();
            if (lease.trySpend(now)) {
                return Optional.empty();
            }
            CreateBuckets.Take take = buckets.take(shopId, defaultRate, now, LEASE);
            lease.refill(Math.max(0, take.taken() - 1), now.plus(LEASE));
            return take.taken() > 0 ? Optional.empty() : Optional.of(take);
        }
    }

    /** Tokens this replica took and has not spent yet: spent without a lock, refilled under the lease's monitor. */
    private static final class Lease {
        private final AtomicInteger remaining = new AtomicInteger();
        private volatile Instant expiresAt = Instant.MIN;

        boolean trySpend(Instant now) {
            if (!now.isBefore(expiresAt)) {
                return false;
            }
            for (int left = remaining.get(); left > 0; left = remaining.get()) {
                if (remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
            return false;
        }

        void refill(int tokens, Instant until) {
            // tokens before the expiry: a spender that sees the new expiry sees the new tokens
            remaining.set(tokens);
            expiresAt = until;
        }
    }
}
