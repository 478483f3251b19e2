package io.orderflow.notify;

import io.orderflow.platform.test.ServiceStartupTests;

/**
 * notify-service starts against the real PostgreSQL and Kafka broker, migrates and reports health;
 * the assertions are those of {@link ServiceStartupTests}.
 */
class NotifyServiceApplicationTests extends ServiceStartupTests {
}
