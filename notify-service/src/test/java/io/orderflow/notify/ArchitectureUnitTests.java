package io.orderflow.notify;

import io.orderflow.platform.test.architecture.ServiceArchitectureTests;

/** notify-service keeps the shared architecture rules. */
class ArchitectureUnitTests extends ServiceArchitectureTests {

    ArchitectureUnitTests() {
        super(NotifyServiceApplication.class);
    }
}
