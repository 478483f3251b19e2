package io.orderflow.notify;

import io.orderflow.platform.test.ServiceStartupTests;

/** notify-service starts against the real PostgreSQL and Kafka broker, migrates and reports health. */
class NotifyServiceApplicationTests extends ServiceStartupTests {
}
