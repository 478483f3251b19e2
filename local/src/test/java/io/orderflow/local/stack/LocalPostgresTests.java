package io.orderflow.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's embedded PostgreSQL refuses to run on a server it did not start. */
class LocalPostgresTests {

    @TempDir
    Path work;

    @Test
    void aPortTakenByAnotherPostgresqlFailsTheStartSayingSoInsteadOfUsingThatServer()
            throws IOException, java.sql.SQLException {
        try (EmbeddedPostgres other = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("other"))
                .setCleanDataDirectory(true)
                .start()) {
            int taken = other.getPort();
            assertThatThrownBy(() -> LocalPostgres.embedded(work.resolve("stack"), false, taken))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken + " is taken by another PostgreSQL server")
                    .hasMessageContaining("--postgres-port=");
            // the other server is untouched: it still answers, with no database of the stack's made on it
            try (var connection = other.getPostgresDatabase().getConnection();
                    var rows = connection.createStatement().executeQuery("select count(*) from pg_database")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void aCheckpointWritesItsPagesAtOnceInsteadOfWakingTheCheckpointerForMinutes() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.embedded(work.resolve("quiet"), false, 0)) {
            LocalPostgres.Database database = postgres.database("orderflow_probe");
            try (var connection = java.sql.DriverManager.getConnection(
                            database.jdbcUrl(), database.username(), database.password());
                    var rows = connection.createStatement().executeQuery("show checkpoint_completion_target")) {
                rows.next();
                assertThat(Double.parseDouble(rows.getString(1))).isZero();
            }
        }
    }

    @Test
    void aFreePortStartsItsOwnServer() throws IOException {
        try (LocalPostgres postgres = LocalPostgres.embedded(work.resolve("own"), false, 0)) {
            assertThat(postgres.database("orderflow_probe").jdbcUrl()).contains("/orderflow_probe");
            assertThat(Files.isRegularFile(work.resolve("own").resolve("postmaster.pid")))
                    .isTrue();
        }
    }
}
