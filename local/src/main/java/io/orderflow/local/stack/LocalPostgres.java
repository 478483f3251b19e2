package io.orderflow.local.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;

/**
 * The PostgreSQL server of the stack, with one database per service created on it: an embedded real
 * PostgreSQL (zonky) whose data directory survives the run when one was given, or an external server.
 */
final class LocalPostgres implements AutoCloseable {

    /** Connection settings of one service's database. */
    record Database(String jdbcUrl, String username, String password) {}

    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final String host;
    private final int port;
    private final String adminUrl;
    private final String username;
    private final String password;

    private LocalPostgres(
            EmbeddedPostgres embedded,
            Path dataDirectory,
            String adminUrl,
            String host,
            int port,
            String username,
            String password) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.adminUrl = adminUrl;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** {@code directory}: the data directory; kept after close when {@code keep}. */
    static LocalPostgres embedded(Path directory, boolean keep, int port) {
        try {
            Files.createDirectories(directory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(!keep)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    // a checkpoint (every 5 minutes once anything was written, and the idle services' housekeeping
                    // writes) writes its few pages at once instead of spreading them over 90 % of the interval: the
                    // spread woke the checkpointer and the statistics collector 10 times a second each for four
                    // and a half minutes of every five, the stack's largest idle cost after Kafka's timers
                    .setServerConfig("checkpoint_completion_target", "0")
                    // the launcher stops it in order; zonky's own hook could run while services still use it
                    .setRegisterShutdownHook(false);
            if (keep) {
                // zonky runs without fsync and with asynchronous commits, fine for data thrown away at exit; data
                // kept for the next run is written as a production database writes it
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            LocalPostgres started = new LocalPostgres(
                    postgres,
                    directory,
                    postgres.getJdbcUrl("postgres", "postgres"),
                    "localhost",
                    postgres.getPort(),
                    "postgres",
                    "postgres");
            started.ensureOwnServer();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (data: " + directory + ")", e);
        }
    }

    /**
     * The server answering on the port must be the one just started on the data directory: zonky's start waits for
     * "a server on the port", so with the port taken (a PostgreSQL left running by a launcher that was killed, the
     * developer's own) the stack would otherwise run on that other server, silently.
     */
    private void ensureOwnServer() {
        String answering;
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
                Statement statement = connection.createStatement();
                ResultSet directory = statement.executeQuery("show data_directory")) {
            directory.next();
            answering = directory.getString(1);
        } catch (SQLException e) {
            answering = "unknown (" + e.getMessage() + ")";
        }
        if (!sameDirectory(answering, dataDirectory)) {
            close();
            throw new IllegalStateException("port " + port + " is taken by another PostgreSQL server (data directory "
                    + answering + "): stop it, or start with --postgres-port=<a free port>");
        }
    }

    private static boolean sameDirectory(String answered, Path directory) {
        try {
            return Files.isSameFile(Path.of(answered), directory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code url}: a JDBC URL of an administrative database, credentials as user/password parameters. */
    static LocalPostgres external(String url) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        return new LocalPostgres(
                null,
                null,
                url,
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                parameter(query, "user", "postgres"),
                parameter(query, "password", ""));
    }

    /** The database of that name, created when absent. */
    Database database(String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
                Statement statement = connection.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!exists.next()) {
                    statement.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + host + ":" + port, e);
        }
        return new Database("jdbc:postgresql://" + host + ":" + port + "/" + name, username, password);
    }

    String address() {
        return host + ":" + port;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /** The postmaster and its backends, from the data directory's {@code postmaster.pid}; empty when external. */
    List<ProcessHandle> processes() {
        OptionalLong pid = postmasterPid();
        if (pid.isEmpty()) {
            return List.of();
        }
        return ProcessHandle.of(pid.getAsLong())
                .map(postmaster -> java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(postmaster), postmaster.descendants())
                        .toList())
                .orElse(List.of());
    }

    private OptionalLong postmasterPid() {
        if (dataDirectory == null) {
            return OptionalLong.empty();
        }
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String parameter(String query, String name, String fallback) {
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals(name)) {
                return parts[1];
            }
        }
        return fallback;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
