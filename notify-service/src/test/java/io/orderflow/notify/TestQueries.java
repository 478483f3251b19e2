package io.orderflow.notify;

import org.springframework.jdbc.core.simple.JdbcClient;

/** How the notify tests read one value (a count, a status) from the database. */
public final class TestQueries {

    private TestQueries() {}

    /** The one value {@code sql} answers with the given positional parameters. */
    public static <T> T single(JdbcClient jdbc, Class<T> type, String sql, Object... parameters) {
        return jdbc.sql(sql).params(parameters).query(type).single();
    }
}
