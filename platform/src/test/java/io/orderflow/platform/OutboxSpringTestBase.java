package io.orderflow.platform;

import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.outbox.Outbox;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the platform's Spring Boot tests that write events through the outbox: the outbox, transactions and
 * JDBC, and {@link #append} to commit one event. Each subclass says how its context starts ({@code @SpringBootTest}).
 */
public abstract class OutboxSpringTestBase {

    @Autowired
    protected Outbox outbox;

    @Autowired
    protected TransactionTemplate transactions;

    @Autowired
    protected JdbcClient jdbc;

    /** Appends the event in a transaction of its own; answers its ce_id. */
    protected String append(OrderflowEvent event) {
        return transactions.execute(status -> outbox.append(event));
    }

    /** The one value a query with one parameter answers. */
    protected <T> T single(String sql, Object parameter, Class<T> type) {
        return jdbc.sql(sql).param(parameter).query(type).single();
    }

    /** Whether the event is still waiting in the outbox. */
    protected boolean unpublished(String ceId) {
        return single("select published_at is null from outbox_event where ce_id = ?::uuid", ceId, Boolean.class);
    }

    /** How often the test consumer received the event (its {@code received_event} rows). */
    protected long received(String ceId) {
        return single("select count(*) from received_event where ce_id = ?", ceId, Long.class);
    }

    /** How often the test consumer was handed the event, its retries included. */
    protected static int attempts(String ceId) {
        AtomicInteger attempts = PlatformTestApplication.ATTEMPTS.get(ceId);
        return attempts == null ? 0 : attempts.get();
    }
}
