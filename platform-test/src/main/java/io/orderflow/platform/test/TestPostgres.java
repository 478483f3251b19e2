package io.orderflow.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL server per test JVM, with one database per name. Embedded (zonky, a real
 * PostgreSQL binary) unless {@code ORDERFLOW_TEST_POSTGRES_URL} names an external server
 * (a JDBC URL of an administrative database, credentials as {@code user}/{@code password}
 * parameters) or {@code ORDERFLOW_TEST_INFRA=containers} and Docker is present.
 */
public final class TestPostgres {

    /** System property naming libraries the embedded server preloads ({@code shared_preload_libraries}). */
    public static final String PRELOAD_PROPERTY = "orderflow.test.postgres-preload";
    /** Extra server settings, {@code name=value;name=value}, for diagnosing a benchmark (logging, not tuning). */
    public static final String CONFIG_PROPERTY = "orderflow.test.postgres-config";

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static volatile Server server;
    private static final Set<String> created = ConcurrentHashMap.newKeySet();

    private TestPostgres() {}

    /** Connection settings of a server-wide database. */
    public record Database(String jdbcUrl, String username, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, username, password);
        }
    }

    private record Server(String adminUrl, String host, int port, String username, String password) {
        String urlFor(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** The database of that name on the shared server, created on first use. */
    public static Database database(String name) {
        String database = name.toLowerCase().replaceAll("[^a-z0-9_]", "_");
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a usable database name: " + name);
        }
        Server current = server();
        if (created.add(database)) {
            createIfAbsent(current, database);
        }
        return new Database(current.urlFor(database), current.username(), current.password());
    }

    private static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String external = InfrastructureMode.setting(InfrastructureMode.POSTGRES_URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        if (InfrastructureMode.current() == InfrastructureMode.CONTAINERS && InfrastructureMode.dockerAvailable()) {
            return container();
        }
        return embedded();
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    // zonky starts PostgreSQL with synchronous_commit=off: a commit would return before its WAL
                    // is flushed, which no production database does and a crash would show; on, as shipped
                    .setServerConfig("synchronous_commit", "on");
            // e.g. pg_stat_statements, for a benchmark to count statements per order
            String preload = System.getProperty(PRELOAD_PROPERTY, "");
            if (!preload.isBlank()) {
                builder.setServerConfig("shared_preload_libraries", preload);
            }
            // e.g. log_checkpoints=on;log_autovacuum_min_duration=0, to see what a benchmark's database did and when
            for (String setting : System.getProperty(CONFIG_PROPERTY, "").split(";")) {
                int equals = setting.indexOf('=');
                if (equals > 0) {
                    builder.setServerConfig(
                            setting.substring(0, equals).trim(),
                            setting.substring(equals + 1).trim());
                }
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return new Server(
                    postgres.getJdbcUrl("postgres", "postgres"),
                    "localhost",
                    postgres.getPort(),
                    "postgres",
                    "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @SuppressWarnings("resource")
    private static Server container() {
        PostgreSQLContainer container =
                new PostgreSQLContainer("postgres:16-alpine").withCommand("postgres", "-c", "max_connections=300");
        container.start();
        return new Server(
                container.getJdbcUrl(),
                container.getHost(),
                container.getFirstMappedPort(),
                container.getUsername(),
                container.getPassword());
    }

    private static Server external(String url) {
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String user = parameter(query, "user", "postgres");
        String password = parameter(query, "password", "");
        return new Server(url, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
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

    private static void createIfAbsent(Server server, String database) {
        try (Connection connection =
                        DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the data directory is temporary
        }
    }
}
