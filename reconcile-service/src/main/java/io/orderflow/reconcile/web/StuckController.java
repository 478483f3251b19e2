package io.orderflow.reconcile.web;

import io.orderflow.reconcile.expiry.ExpiryTimers;
import io.orderflow.reconcile.expiry.OverdueTimer;
import io.orderflow.reconcile.query.ActiveQueries;
import io.orderflow.reconcile.query.StuckQuery;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /reconcile/v1/stuck?older-than=PT1H}: overdue timers and long-running active queries. */
@RestController
class StuckController {

    static final int LIMIT = 500;

    private final ExpiryTimers timers;
    private final ActiveQueries queries;

    StuckController(ExpiryTimers timers, ActiveQueries queries) {
        this.timers = timers;
        this.queries = queries;
    }

    record Stuck(List<OverdueTimer> timers, List<StuckQuery> queries) {}

    @GetMapping("/reconcile/v1/stuck")
    Stuck stuck(@RequestParam(name = "older-than", defaultValue = "PT1H") Duration olderThan) {
        return new Stuck(timers.overdue(olderThan, LIMIT), queries.stuck(olderThan, LIMIT));
    }
}
