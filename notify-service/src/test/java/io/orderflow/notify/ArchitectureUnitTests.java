package io.orderflow.notify;

import io.orderflow.platform.test.architecture.ServiceArchitectureTests;

/** notify-service keeps the shared architecture rules; the assertions are those of {@link ServiceArchitectureTests}. */
class ArchitectureUnitTests extends ServiceArchitectureTests {

    ArchitectureUnitTests() {
        super(NotifyServiceApplication.class);
    }
}
