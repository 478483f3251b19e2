package io.orderflow.payment;

import io.orderflow.platform.test.architecture.ServiceArchitectureTests;

/** payment-service keeps the shared architecture rules; the assertions are those of {@link ServiceArchitectureTests}. */
class ArchitectureUnitTests extends ServiceArchitectureTests {

    ArchitectureUnitTests() {
        super(PaymentServiceApplication.class);
    }
}
