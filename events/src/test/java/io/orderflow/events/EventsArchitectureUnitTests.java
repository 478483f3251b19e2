package io.orderflow.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract stays a plain-JDK library every service and consumer can depend on. */
class EventsArchitectureUnitTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.orderflow.events");

    @Test
    void dependsOnNothingButTheJdk() {
        classes()
                .that()
                .resideInAPackage("io.orderflow.events..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.orderflow.events..")
                .check(MAIN);
    }

    @Test
    void usesNeitherSpringNorJackson() {
        noClasses()
                .that()
                .resideInAPackage("io.orderflow.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.fasterxml.jackson..", "tools.jackson..")
                .check(MAIN);
    }

    @Test
    void eventsAreRecords() {
        classes().that().implement(OrderflowEvent.class).should().beRecords().check(MAIN);
    }
}
