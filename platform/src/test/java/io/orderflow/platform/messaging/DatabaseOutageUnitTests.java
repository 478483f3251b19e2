package io.orderflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageUnitTests {

    @Test
    void connectionFailuresAndServerShutdownsAreOutagesBadDataIsNot() {
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("I/O error")))
                .isTrue();
        // a crashed server's backend (57P02) and one still recovering (57P03), wrapped as the translator leaves them
        assertThat(DatabaseOutage.isOutage(new UncategorizedSQLException(
                        "x", "select 1", new SQLException("terminating connection", "57P02"))))
                .isTrue();
        assertThat(DatabaseOutage.isOutage(
                        new RuntimeException(new SQLException("the database system is starting up", "57P03"))))
                .isTrue();
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new SQLException("connection failure", "08006"))))
                .isTrue();
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseOutage.isOutage(
                        new UncategorizedSQLException("x", "select 1", new SQLException("division by zero", "22012"))))
                .isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void anOutageIsWaitedOutAndAnyOtherFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        String result = DatabaseOutage.retry(Duration.ofSeconds(30)).invoke(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new CannotCreateTransactionException("database restarting");
            }
            return "applied";
        });
        assertThat(result).isEqualTo("applied");
        assertThat(calls).hasValue(3);

        AtomicInteger failing = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseOutage.retry(Duration.ofSeconds(30)).invoke(() -> {
                    failing.incrementAndGet();
                    throw new DataIntegrityViolationException("bad row");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(failing).hasValue(1);
    }

    @Test
    void anOutageLongerThanThePatienceEndsInTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseOutage.retry(Duration.ofMillis(500)).invoke(() -> {
                    calls.incrementAndGet();
                    throw new CannotCreateTransactionException("database away");
                }))
                .isInstanceOf(CannotCreateTransactionException.class);
        assertThat(calls.get()).isBetween(2, 5);
    }
}
