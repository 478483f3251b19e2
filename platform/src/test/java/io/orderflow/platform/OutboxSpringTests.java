package io.orderflow.platform;

import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.outbox.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the platform's Spring Boot tests that write events through the outbox: the outbox, transactions and
 * JDBC, and {@link #append} to commit one event. Each subclass says how its context starts ({@code @SpringBootTest}).
 */
public abstract class OutboxSpringTests {

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
}
