package io.orderflow.platform.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's LISTEN/NOTIFY, so that a commit on one replica wakes what waits for it on every replica, without
 * polling. {@link #publish} queues a notification in the caller's transaction (PostgreSQL delivers it on commit, and
 * drops it on rollback); a thread of each instance holds one connection of its own (not from the pool) listening to
 * the registered channels and hands each payload to the channel's handlers. When that connection is lost the
 * thread reconnects with backoff and tells the {@code onReconnect} handlers, since notifications sent meanwhile are
 * gone: they re-check what they wait for.
 */
public class PgNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int RECEIVE_TIMEOUT_MS = 1000;

    private final String url;
    private final String username;
    private final String password;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectHandlers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    public PgNotifications(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Queues a notification on the channel, delivered to every listener when the current transaction commits. */
    public static void publish(JdbcClient jdbc, String channel, String payload) {
        jdbc.sql("select pg_notify(?, ?)")
                .params(channel, payload)
                .query((rs, row) -> 1)
                .list();
    }

    /** Registers a handler of the channel's payloads (before start). */
    public void listen(String channel, Consumer<String> handler) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a channel is a lower-case SQL identifier: " + channel);
        }
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Registers what to do after the listening connection was lost and made again (notifications may be lost). */
    public void onReconnect(Runnable handler) {
        reconnectHandlers.add(handler);
    }

    @Override
    public synchronized void start() {
        if (running || handlers.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "pg-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        boolean first = true;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password)) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : handlers.keySet()) {
                        statement.execute("listen " + channel);
                    }
                }
                if (!first) {
                    reconnectHandlers.forEach(PgNotifications::runSafely);
                }
                first = false;
                backoff = Duration.ofMillis(200);
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("listening for notifications failed; reconnecting in {}: {}", backoff, e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                first = false;
            }
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] received = connection.getNotifications(RECEIVE_TIMEOUT_MS);
            if (received == null) {
                continue;
            }
            for (PGNotification notification : received) {
                handlers.getOrDefault(notification.getName(), List.of())
                        .forEach(handler -> runSafely(() -> handler.accept(notification.getParameter())));
            }
        }
    }

    private static void runSafely(Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            log.warn("a notification handler failed: {}", e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(RECEIVE_TIMEOUT_MS * 2L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
