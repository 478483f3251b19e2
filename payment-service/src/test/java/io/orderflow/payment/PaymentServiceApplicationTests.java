package io.orderflow.payment;

import io.orderflow.platform.test.ServiceStartupTests;

/** payment-service starts against the real PostgreSQL and Kafka broker, migrates and reports health. */
class PaymentServiceApplicationTests extends ServiceStartupTests {
}
