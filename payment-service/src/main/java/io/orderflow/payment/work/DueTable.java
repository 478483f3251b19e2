package io.orderflow.payment.work;

import io.orderflow.platform.work.DueWorker;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of work due at {@code next_attempt_at} ({@code payment}, {@code refund_submission}): its due rows are
 * claimed oldest first with {@code for update skip locked}, so replicas share them and each is worked once.
 *
 * @param name the table's name, a constant of the code (never input)
 */
public record DueTable(JdbcClient jdbc, String name) {

    /** Locks up to {@code limit} due rows for the caller's transaction, skipping rows other workers hold. */
    public <T> List<T> claimDue(Instant now, int limit, RowMapper<T> rows) {
        return jdbc.sql("""
                select * from %s where next_attempt_at <= :now
                order by next_attempt_at limit :limit for update skip locked""".formatted(name))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(rows)
                .list();
    }

    /** When the earliest row is due, for the worker's idle wait ({@link DueWorker#earliest}). */
    public Supplier<Optional<Instant>> earliest() {
        return DueWorker.earliest(
                jdbc, "select min(next_attempt_at) from " + name + " where next_attempt_at is not null");
    }
}
