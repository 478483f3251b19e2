package io.orderflow.reconcile.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.work.DueBatch;
import io.orderflow.platform.work.DueWork;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of due active queries in one transaction: claim (skip locked), query, publish or reschedule. A query
 * that throws (an answer it cannot use) fails alone: it moves on to its next scheduled query, which is its
 * backoff, as {@code FAILED:<exception>} and counted, and the rest of its batch commits ({@link DueBatch}).
 */
class QueryWorker {

    private static final Logger log = LoggerFactory.getLogger(QueryWorker.class);

    private final Queries queries;
    private final QueryCheck check;
    private final Outbox outbox;
    private final QuerySchedule schedule;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DueBatch<Query> batch;

    QueryWorker(Queries queries, QueryCheck check, Outbox outbox, QuerySchedule schedule, DueWork work) {
        this.meters = work.meters();
        this.queries = queries;
        this.check = check;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = work.clock();
        this.batch = work.batch("query", queries::claimDue, this::run, this::failed);
    }

    int runBatch() {
        return batch.run();
    }

    private void run(Query query) {
        Instant now = clock.instant();
        if (query.untilAt() != null && now.isAfter(query.untilAt())) {
            queries.done(query, "EXPIRED");
            return;
        }
        QueryCheck.Found found = check.check(query);
        meters.counter("orderflow.reconcile.queries", "kind", query.kind(), "outcome", found.outcome())
                .increment();
        if (found.event() != null) {
            outbox.append(found.event());
            meters.counter("orderflow.reconcile.repaired", "kind", query.kind(), "via", "active-query")
                    .increment();
            log.info(
                    "{} {} of order {} repaired by query: {}",
                    query.kind(),
                    query.key(),
                    query.orderId(),
                    found.outcome());
        }
        if (found.last()) {
            queries.done(query, found.outcome());
        } else {
            queries.next(query, now.plus(schedule.delay(query.step() + 1)), found.outcome());
        }
    }

    private void failed(Query query, RuntimeException failure) {
        log.warn(
                "{} query {} of order {} failed; the rest of its batch goes on",
                query.kind(),
                query.key(),
                query.orderId(),
                failure);
        queries.next(
                query,
                clock.instant().plus(schedule.delay(query.step() + 1)),
                "FAILED:" + failure.getClass().getSimpleName());
    }
}
