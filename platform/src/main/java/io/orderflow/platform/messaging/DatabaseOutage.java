package io.orderflow.platform.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The service's own database being away (restarting, failing over, unreachable), as opposed to a message
 * that cannot be applied. A consumer waits for the database instead of spending the message's few
 * attempts and sending it to the dead-letter topic: nothing else can be processed meanwhile either.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /**
     * Whether the failure means the database could not be reached or dropped the connection: SQLSTATE class 08
     * (connection exception) or 57P (the server shutting down, crashed, or still starting), a pool that found
     * no connection, a refused connection.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Retries outages only, with a backoff from 200 ms up to 5 s, for at most {@code patience}; keep it below
     * the consumer's {@code max.poll.interval.ms} (5 minutes by default), after which the broker would hand
     * the partition to another consumer.
     */
    public static RetryTemplate retry(Duration patience) {
        return new RetryTemplate(RetryPolicy.builder()
                .predicate(DatabaseOutage::isOutage)
                .maxRetries(Long.MAX_VALUE)
                .delay(Duration.ofMillis(200))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(5))
                .timeout(patience)
                .build());
    }
}
