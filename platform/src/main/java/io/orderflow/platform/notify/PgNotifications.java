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
    /** How long {@link #stop} waits for the listening thread once its connection is closed. */
    private static final long STOP_WAIT_MS = 2000;

    private final String url;
    private final String username;
    private final String password;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectHandlers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Connection listening;
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
                listening = connection;
                if (!running) {
                    return; // stopped while connecting: stop() saw no connection to close
                }
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

    /**
     * Waits for notifications without a timeout: an idle service's listening thread sleeps until one arrives (it woke
     * every second to look at {@code running} before). {@link #stop} closes the connection, which ends the wait.
     */
    private void receive(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] received = connection.getNotifications(0);
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
            closeQuietly(listening);
            try {
                thread.join(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            log.debug("closing the listening connection: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
