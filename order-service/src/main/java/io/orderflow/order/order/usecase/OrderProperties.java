package io.orderflow.order.order.usecase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the order API ({@code orderflow.orders.*}).
 *
 * @param defaultExpireIn how long an order stays payable when the shop does not say
 * @param minExpireIn the shortest expire_in_seconds accepted
 * @param maxExpireIn the longest expire_in_seconds accepted
 * @param maxWait the longest {@code Prefer: wait=N} honoured
 * @param maxAmountFen the largest order total accepted, in fen
 * @param waitPoll how often a create call waiting for pay params looks at the database when no wake-up came (every
 *     replica is woken by LISTEN/NOTIFY when they are stored, so this is only a safety net)
 */
@ConfigurationProperties("orderflow.orders")
public record OrderProperties(
        Duration defaultExpireIn,
        Duration minExpireIn,
        Duration maxExpireIn,
        Duration maxWait,
        Long maxAmountFen,
        Duration waitPoll) {

    public OrderProperties {
        defaultExpireIn = defaultExpireIn == null ? Duration.ofMinutes(30) : defaultExpireIn;
        minExpireIn = minExpireIn == null ? Duration.ofSeconds(60) : minExpireIn;
        maxExpireIn = maxExpireIn == null ? Duration.ofHours(2) : maxExpireIn;
        maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
        maxAmountFen = maxAmountFen == null ? 100_000_000L : maxAmountFen;
        waitPoll = waitPoll == null ? Duration.ofSeconds(2) : waitPoll;
    }
}
