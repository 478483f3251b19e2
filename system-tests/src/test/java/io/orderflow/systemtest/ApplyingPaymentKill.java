package io.orderflow.systemtest;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TopicProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Kills order-service ({@code kill -9}) while it applies PaymentNotified, deterministically: the test locks the
 * row of the next order to be paid in order-service's database ({@code select … for update}), so the transaction
 * that applies that order's PaymentNotified waits on the lock once the callback has been taken; PostgreSQL shows
 * it blocked by the test's lock, and order-service is killed at that moment, mid-transaction (with whatever else
 * its batch held). Then the lock is released, and order-service started again. {@link #awaitLanded} returns the
 * payments whose SUCCESS order-service had not announced when it died (the locked one among them) and is empty
 * when no transaction was ever seen waiting.
 */
final class ApplyingPaymentKill {

    private static final String BLOCKED_BY =
            "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))";

    private final OrderflowSystem system;
    private CompletableFuture<Set<String>> landed;

    ApplyingPaymentKill(OrderflowSystem system) {
        this.system = system;
    }

    /** Locks the first of {@code watched} (paid next) and kills order-service once its PaymentNotified waits on it. */
    void arm(List<String> watched) {
        Connection lock = lock(watched.get(0));
        List<String> orders = List.copyOf(watched);
        landed = CompletableFuture.supplyAsync(() -> {
            try (lock;
                    Connection watch = system.database("order-service").connect()) {
                int holder = backendPid(lock);
                Awaitility.await("order-service applying PaymentNotified of " + orders.get(0))
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> blockedBy(watch, holder) > 0);
                system.service("order-service").kill();
                lock.rollback();
                Set<String> notAnnounced = new TreeSet<>(orders);
                notAnnounced.removeAll(announcedSuccess());
                system.service("order-service").start();
                return notAnnounced;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The watched payments order-service had not announced when it was killed applying one of them. */
    Set<String> awaitLanded(Duration atMost) {
        if (landed == null) {
            return Set.of();
        }
        try {
            return landed.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("order-service was not killed while applying PaymentNotified", e);
        }
    }

    private Connection lock(String orderId) {
        try {
            Connection connection = system.database("order-service").connect();
            connection.setAutoCommit(false);
            try (PreparedStatement select =
                    connection.prepareStatement("select order_id from orders where order_id = ? for update")) {
                select.setString(1, orderId);
                select.executeQuery().close();
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (ResultSet pid = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    private static int blockedBy(Connection watch, int holder) throws SQLException {
        try (PreparedStatement blocked = watch.prepareStatement(BLOCKED_BY)) {
            blocked.setInt(1, holder);
            try (ResultSet count = blocked.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private Set<String> announcedSuccess() {
        try (TopicProbe status = new TopicProbe(system.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            return status.readToEnd(Duration.ofSeconds(30)).stream()
                    .filter(r -> "SUCCESS".equals(StatusRecords.field(r, "to")))
                    .map(TopicProbe.Received::key)
                    .collect(Collectors.toSet());
        }
    }
}
