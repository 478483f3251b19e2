package io.orderflow.order.risk;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One token bucket per shop in {@code shop_create_bucket}. A take refills the bucket by the time elapsed
 * and takes tokens in a single {@code insert … on conflict do update … returning}: the row lock makes
 * concurrent takes of all replicas go one after the other, so the bucket never overdraws. The bucket holds
 * at most {@code rate} tokens: bursts of {@code rate}, then {@code rate} per second. A take asks for the
 * tokens of one lease period ({@code rate × lease}, at least one) and gets what is there, up to that.
 */
@Repository
class CreateBuckets {

    // tokens available now: the stored ones plus the refill since, capped at the rate; clocks of replicas
    // may differ a little, so time never runs backwards for a bucket
    private static final String RATE = "(select rate from l)";
    private static final String AVAILABLE = "least(" + RATE + ", b.tokens + " + RATE + " * greatest(0, extract(epoch "
            + "from (excluded.refilled_at - b.refilled_at))::float8))";
    private static final String WANTED = "greatest(1, floor(" + RATE + " * :lease))";
    // a top-up asks for what the replica's lease lacks (:held tokens are still in it)
    private static final String TAKEN = "least(floor(" + AVAILABLE + "), greatest(0, " + WANTED + " - :held))::int";

    private final JdbcClient jdbc;

    CreateBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to a lease's worth of tokens, less the {@code held} ones the replica's lease still has; call it
     * outside the create transaction, so the row lock is brief.
     */
    Take take(String shopId, int defaultRate, Instant now, Duration lease, int held) {
        // the statement commits on its own and asynchronously (synchronous_commit off for this transaction
        // only): a crash may forget the last few takes, which only hands back a few tokens
        return jdbc.sql("with async as (select set_config('synchronous_commit', 'off', true)), "
                        + "l as (select coalesce((select creates_per_second from shop_risk_limit where shop_id = :shop), "
                        + ":rate)::float8 as rate) "
                        + "insert into shop_create_bucket as b (shop_id, tokens, refilled_at, taken) "
                        + "select :shop, l.rate - greatest(0, greatest(1, floor(l.rate * :lease)) - :held), :now, "
                        + "greatest(0, greatest(1, floor(l.rate * :lease)) - :held)::int from l, async "
                        + "on conflict (shop_id) do update set "
                        + "tokens = " + AVAILABLE + " - " + TAKEN + ", "
                        + "refilled_at = greatest(b.refilled_at, excluded.refilled_at), "
                        + "taken = " + TAKEN + " "
                        + "returning taken, tokens, (select rate from l)")
                .param("shop", shopId)
                .param("rate", defaultRate)
                .param("now", Timestamp.from(now))
                .param("lease", lease.toNanos() / 1e9)
                .param("held", held)
                .query((rs, n) -> new Take(rs.getInt(1), rs.getDouble(2), rs.getDouble(3)))
                .single();
    }

    /**
     * The result of a take.
     *
     * @param taken tokens taken, 0 when the bucket had less than one
     * @param tokens tokens left
     * @param rate the shop's rate per second
     */
    record Take(int taken, double tokens, double rate) {

        /** Whole seconds until a token is back, at least 1. */
        long retryAfterSeconds() {
            return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        }
    }
}
