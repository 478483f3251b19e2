package io.orderflow.payment;

import io.orderflow.platform.test.ServiceStartupTests;

/**
 * payment-service starts against the real PostgreSQL and Kafka broker, migrates and reports health;
 * the assertions are those of {@link ServiceStartupTests}.
 */
class PaymentServiceApplicationTests extends ServiceStartupTests {}
