package io.orderflow.reconcile.query;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When active queries run, under {@code orderflow.reconcile.query}.
 *
 * @param steps delays of the first queries after pay params (or a PROCESSING refund) were seen, each from the
 *     previous query: for example 1m, 5m, 15m, 1h
 * @param thenEvery the delay between queries once the steps are used up
 * @param stuckAfter how long a refund may stay PROCESSING before it counts as stuck (metric
 *     {@code orderflow.reconcile.refunds.stuck}); WeChat settles most refunds within minutes
 */
@ConfigurationProperties("orderflow.reconcile.query")
public record QuerySchedule(List<Duration> steps, Duration thenEvery, Duration stuckAfter) {

    public QuerySchedule {
        steps = steps == null || steps.isEmpty()
                ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1))
                : List.copyOf(steps);
        thenEvery = thenEvery == null ? Duration.ofHours(1) : thenEvery;
        stuckAfter = stuckAfter == null ? Duration.ofHours(1) : stuckAfter;
    }

    /** The delay before query number {@code step} (0 = the first). */
    public Duration delay(int step) {
        return step < steps.size() ? steps.get(step) : thenEvery;
    }
}
