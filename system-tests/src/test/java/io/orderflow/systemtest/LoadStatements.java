package io.orderflow.systemtest;

import io.orderflow.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL's work in the measured window, per completed order: always the transactions each database committed
 * and rolled back ({@code pg_stat_database}, read as the window begins and ends), a figure that does not move with
 * the machine's speed as CPU times do; and the statements, from {@code pg_stat_statements}, when the run loaded it
 * ({@code -Dorderflow.test.postgres-preload=pg_stat_statements}): reset as the window begins, read as it ends,
 * then printed (calls, execution ms, rows) by database, costliest first.
 */
final class LoadStatements {

    /**
     * Statements run at least this often per order are listed, costliest first: every round trip an order pays, not
     * only the costliest ones (a cheap statement still costs both processes a round trip and two context switches).
     */
    private static final double SHOWN_CALLS_PER_ORDER = 0.05;

    private final boolean enabled =
            System.getProperty(TestPostgres.PRELOAD_PROPERTY, "").contains("pg_stat_statements");
    private List<Row> rows = List.of();
    private Map<String, Long> transactionsAtBegin = Map.of();
    private Map<String, Long> transactions = Map.of();

    record Row(String database, double calls, double execMs, double rows, String query) {}

    /** As the window begins: forget what warm-up ran. */
    void begin() {
        transactionsAtBegin = transactions();
        if (!enabled) {
            return;
        }
        try (Connection connection = TestPostgres.database("postgres").connect();
                Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be reset", e);
        }
    }

    /** As the window ends: what ran in it. */
    void end() {
        Map<String, Long> atEnd = transactions();
        Map<String, Long> window = new TreeMap<>();
        atEnd.forEach(
                (database, count) -> window.put(database, count - transactionsAtBegin.getOrDefault(database, 0L)));
        transactions = window;
        if (!enabled) {
            return;
        }
        List<Row> read = new ArrayList<>();
        try (Connection connection = TestPostgres.database("postgres").connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        select d.datname, s.calls, s.total_exec_time, s.rows,
                               left(regexp_replace(s.query, '\\s+', ' ', 'g'), 150)
                          from pg_stat_statements s join pg_database d on d.oid = s.dbid
                         order by s.total_exec_time desc""")) {
            while (result.next()) {
                read.add(new Row(
                        result.getString(1),
                        result.getLong(2),
                        result.getDouble(3),
                        result.getLong(4),
                        result.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be read", e);
        }
        rows = read;
    }

    /** Transactions ended (committed or rolled back) so far, by database, the benchmark's databases only. */
    private static Map<String, Long> transactions() {
        Map<String, Long> read = new TreeMap<>();
        try (Connection connection = TestPostgres.database("postgres").connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        select datname, xact_commit + xact_rollback from pg_stat_database
                         where datname like 'load%'""")) {
            while (result.next()) {
                read.put(result.getString(1), result.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_database could not be read", e);
        }
        return read;
    }

    /**
     * The section of the report: the transactions per order by database, then the statements when the run loaded
     * {@code pg_stat_statements}.
     */
    String text(long completed) {
        if (completed == 0 || transactions.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(LoadReport.format(
                "POSTGRESQL TRANSACTIONS in the window (pg_stat_database; per order reaching SUCCESS: %.2f)%n",
                transactions.values().stream().mapToLong(Long::longValue).sum() / (double) completed));
        transactions.forEach((database, count) ->
                out.append(LoadReport.format("  %-24s %8.2f%n", database, count / (double) completed)));
        out.append('\n');
        if (!enabled || rows.isEmpty()) {
            return out.toString();
        }
        double calls = rows.stream().mapToDouble(Row::calls).sum();
        double ms = rows.stream().mapToDouble(Row::execMs).sum();
        out.append(LoadReport.format(
                "POSTGRESQL STATEMENTS in the window (pg_stat_statements; per order reaching SUCCESS: %.1f statements, "
                        + "%.2f ms executing)%n",
                calls / completed, ms / completed));
        out.append(LoadReport.format("  %8s %8s %8s  %-24s %s%n", "calls", "exec ms", "rows", "database", "statement"));
        rows.stream()
                .filter(row -> row.calls() / (double) completed >= SHOWN_CALLS_PER_ORDER)
                .forEach(row -> out.append(LoadReport.format(
                        "  %8.2f %8.3f %8.2f  %-24s %s%n",
                        row.calls() / completed,
                        row.execMs() / completed,
                        row.rows() / completed,
                        row.database(),
                        row.query())));
        return out.append('\n').toString();
    }
}
