package io.orderflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** LISTEN/NOTIFY against the real database: delivered on commit only, and a lost connection is made again. */
@SpringBootTest
class PgNotificationsTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private PgNotifications notifications;

    @BeforeEach
    void listen() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        notifications = new PgNotifications(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        notifications.listen("orderflow_test", received::add);
        notifications.onReconnect(reconnects::incrementAndGet);
        notifications.start();
        await().atMost(WAIT).until(() -> listeners() == 1);
    }

    @AfterEach
    void stop() {
        notifications.stop();
    }

    @Test
    void aNotificationArrivesWhenItsTransactionCommitsAndNeverWhenItRollsBack() {
        String rolledBack = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    PgNotifications.publish(jdbc, "orderflow_test", rolledBack);
                    throw new IllegalStateException("the change fails");
                }))
                .hasMessageContaining("fails");
        String committed = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> PgNotifications.publish(jdbc, "orderflow_test", committed));

        await().atMost(WAIT).until(() -> received.contains(committed));
        assertThat(received).doesNotContain(rolledBack);
    }

    @Test
    void aLostConnectionIsMadeAgainAndTheWaitersAreToldToLook() {
        jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen %'")
                .query((rs, row) -> 1)
                .list();

        await().atMost(WAIT).until(() -> reconnects.get() == 1 && listeners() == 1);
        String after = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> PgNotifications.publish(jdbc, "orderflow_test", after));
        await().atMost(WAIT).until(() -> received.contains(after));
    }

    @Test
    void aStopEndsTheWaitThatHasNoTimeout() {
        notifications.stop();

        assertThat(notifications.isRunning()).isFalse();
        // the listening thread waits for a notification without a timeout: only the closed connection ends it
        await().atMost(WAIT)
                .until(() -> listeners() == 0
                        && Thread.getAllStackTraces().keySet().stream()
                                .noneMatch(thread -> thread.getName().equals("pg-notifications")));
    }

    @Test
    void aChannelMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> notifications.listen("bad; drop table x", received::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long listeners() {
        return jdbc.sql("select count(*) from pg_stat_activity where query like 'listen %'")
                .query(Long.class)
                .single();
    }
}
