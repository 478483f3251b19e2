package io.orderflow.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.orderflow.platform.test.architecture.OrderflowArchitecture;
import org.junit.jupiter.api.Test;

/** The platform serves every service and so knows none of them; it injects by constructor only. */
class PlatformArchitectureUnitTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.orderflow.platform");

    @Test
    void dependsOnNoServiceAndNotOnTheSimulator() {
        // platform-test (io.orderflow.platform.test, on this classpath) may start the simulator; the platform may not
        noClasses()
                .that()
                .resideOutsideOfPackage("io.orderflow.platform.test..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.orderflow.order..",
                        "io.orderflow.payment..",
                        "io.orderflow.notify..",
                        "io.orderflow.reconcile..",
                        "io.orderflow.simulator..")
                .check(MAIN);
    }

    @Test
    void outboxAndMessagingDoNotDependOnWeb() {
        noClasses()
                .that()
                .resideInAnyPackage("io.orderflow.platform.outbox..", "io.orderflow.platform.messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(MAIN);
    }

    @Test
    void usesNoFieldInjection() {
        // platform-test's Spring Boot test bases (io.orderflow.platform.test, on this classpath) are tests: field
        // injection is how JUnit test classes receive beans
        OrderflowArchitecture.noFieldInjection()
                .check(MAIN.that(JavaClass.Predicates.resideOutsideOfPackage("io.orderflow.platform.test..")));
    }
}
