package io.orderflow.platform.test;

import io.orderflow.process.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A PostgreSQL server of its own (the embedded zonky binary) in its own OS process and data directory,
 * which, unlike the shared {@link TestPostgres} server, can crash ({@code kill -9} of the postmaster, so
 * the next start runs crash recovery from the WAL) and start again on the same port with its data: one
 * service's database failing while the others go on, as each service's own database cluster would in
 * production.
 */
public final class PostgresServerProcess implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedPostgres server;

    private PostgresServerProcess(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Initialises a fresh data directory in a temporary directory and starts the server. */
    public static PostgresServerProcess start() {
        try {
            PostgresServerProcess postgres =
                    new PostgresServerProcess(Files.createTempDirectory("orderflow-postgres-"), FreePorts.next());
            postgres.launch();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database of that name on this server, created on first use. */
    public TestPostgres.Database database(String name) {
        String url = "jdbc:postgresql://localhost:" + port + "/";
        try (Connection admin = DriverManager.getConnection(url + "postgres", "postgres", "postgres");
                Statement statement = admin.createStatement()) {
            if (!statement
                    .executeQuery("select 1 from pg_database where datname = '" + name + "'")
                    .next()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return new TestPostgres.Database(url + name, "postgres", "postgres");
    }

    /**
     * Kills the postmaster like {@code kill -9} (no shutdown checkpoint), waits until its backends have
     * noticed and exited, and leaves the data directory as a crash would.
     */
    public void crash() {
        // the postmaster's pid heads postmaster.pid; zonky's own process handle may be a wrapper around it
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("the postmaster of " + directory + " is not running"));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        // a new postmaster refuses to start while old backends still hold the shared memory
        Awaitility.await("the killed postmaster and its backends exit")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !postmaster.isAlive() && backends.stream().noneMatch(ProcessHandle::isAlive));
        release();
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same port with the data it had (after a crash: with crash recovery). */
    public void restart() {
        launch();
    }

    public boolean isRunning() {
        return server != null && server.getProcess().isAlive();
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        release();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    // zonky's default is off; a crash (kill -9) must not lose a transaction that reported committed
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + directory, e);
        }
    }

    /** Stops the server if it runs (a fast shutdown) and releases zonky's lock on the data directory. */
    private void release() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }
}
