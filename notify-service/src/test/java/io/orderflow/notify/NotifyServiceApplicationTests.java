package io.orderflow.notify;

import io.orderflow.platform.test.ServiceStartupTests;

/**
 * notify-service starts against the real PostgreSQL and Kafka broker, migrates and reports health;
 * the assertions are those of {@link ServiceStartupTests}. Its readiness leaves the broker out: the
 * callback path needs only the database (ADR 0016).
 */
class NotifyServiceApplicationTests extends ServiceStartupTests {

    @Override
    protected boolean readinessNeedsBroker() {
        return false;
    }
}
