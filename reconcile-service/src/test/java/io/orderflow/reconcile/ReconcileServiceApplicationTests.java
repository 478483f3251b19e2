package io.orderflow.reconcile;

import io.orderflow.platform.test.ServiceStartupTests;

/**
 * reconcile-service starts against the real PostgreSQL and Kafka broker, migrates and reports health;
 * the assertions are those of {@link ServiceStartupTests}.
 */
class ReconcileServiceApplicationTests extends ServiceStartupTests {
}
