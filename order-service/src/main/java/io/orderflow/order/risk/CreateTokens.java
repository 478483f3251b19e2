package io.orderflow.order.risk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A shop's create tokens as this replica spends them. A busy shop's bucket row would be updated by every
 * create of every replica; instead a replica holds a lease of at most {@code rate / 50} tokens (at least
 * one), taken from the shared bucket in one update, and spends them without the database. Tokens only come
 * from the shared bucket, so the shops' rates are never exceeded; a replica's unspent tokens may make another
 * refuse a little early (at most a lease's worth).
 *
 * <p>A lease lasts {@value #LEASE_MILLIS} ms. Once half of that has passed, the next create that spends a token
 * also tops the lease up to its full size and extends it, while the other creates go on spending what is
 * left: requests do not queue behind the database every {@value #LEASE_MILLIS} ms. Only a lease that ran out
 * or expired makes a create wait for the bucket (and the others of that moment wait with it). Shops under 100
 * per second hold one token at a time, exactly as without leases.
 */
@Component
class CreateTokens {

    static final long LEASE_MILLIS = 20;
    private static final Duration LEASE = Duration.ofMillis(LEASE_MILLIS);
    private static final Duration HALF_LEASE = LEASE.dividedBy(2);

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
        Instant spentAt = clock.instant();
        if (lease.trySpend(spentAt)) {
            if (lease.halfGone(spentAt) && lease.renewing.compareAndSet(false, true)) {
                try {
                    topUp(lease, shopId, defaultRate);
                } finally {
                    lease.renewing.set(false);
                }
            }
            return Optional.empty();
        }
        // one thread refills at a time; the others wait for it and then spend from its lease
        synchronized (lease) {
            Instant now = clock.instant();
            if (lease.trySpend(now)) {
                return Optional.empty();
            }
            CreateBuckets.Take take = buckets.take(shopId, defaultRate, now, LEASE, 0);
            lease.replace(Math.max(0, take.taken() - 1), take.taken(), now.plus(LEASE));
            return take.taken() > 0 ? Optional.empty() : Optional.of(take);
        }
    }

    /** Tops a lease in use up to its full size and extends it; a refusal of the bucket only leaves it as it was. */
    private void topUp(Lease lease, String shopId, int defaultRate) {
        synchronized (lease) {
            Instant now = clock.instant();
            if (!lease.halfGone(now) || lease.size < 2) {
                return; // refilled meanwhile, or a one-token lease (a slow shop: taken one at a time)
            }
            CreateBuckets.Take take = buckets.take(shopId, defaultRate, now, LEASE, lease.remaining.get());
            lease.add(take.taken(), now.plus(LEASE));
        }
    }

    /** Tokens this replica took and has not spent yet: spent without a lock, refilled under the lease's monitor. */
    private static final class Lease {
        private final AtomicInteger remaining = new AtomicInteger();
        private final AtomicBoolean renewing = new AtomicBoolean();
        private volatile Instant expiresAt = Instant.MIN;
        /** Tokens the last full take got: the lease's size. */
        private volatile int size;

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

        boolean halfGone(Instant now) {
            return !now.isBefore(expiresAt.minus(HALF_LEASE));
        }

        void replace(int tokens, int taken, Instant until) {
            size = taken;
            // tokens before the expiry: a spender that sees the new expiry sees the new tokens
            remaining.set(tokens);
            expiresAt = until;
        }

        void add(int tokens, Instant until) {
            remaining.addAndGet(tokens);
            expiresAt = until;
        }
    }
}
