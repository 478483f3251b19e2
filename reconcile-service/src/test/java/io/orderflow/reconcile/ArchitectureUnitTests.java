package io.orderflow.reconcile;

import io.orderflow.platform.test.architecture.ServiceArchitectureTests;

/** reconcile-service keeps the shared architecture rules; the assertions are those of {@link ServiceArchitectureTests}. */
class ArchitectureUnitTests extends ServiceArchitectureTests {

    ArchitectureUnitTests() {
        super(ReconcileServiceApplication.class);
    }
}
