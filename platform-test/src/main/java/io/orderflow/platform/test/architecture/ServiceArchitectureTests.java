package io.orderflow.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shared architecture rules applied to one service's main classes. Each service extends
 * it once, naming its application class; order-service's subclass also shows that the rules
 * catch violations.
 */
public abstract class ServiceArchitectureTests {

    private final Class<?> application;
    private final JavaClasses main;

    protected ServiceArchitectureTests(Class<?> application) {
        this.application = application;
        this.main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(application.getPackageName());
    }

    @Test
    void mainClassesAreImported() {
        assertThat(main.contain(application)).isTrue();
    }

    @Test
    void doesNotDependOnOtherServicesOrTheSimulator() {
        OrderflowArchitecture.servicesDoNotDependOnEachOther().check(main);
    }

    @Test
    void coreDoesNotDependOnWebOrMessaging() {
        OrderflowArchitecture.coreDoesNotDependOnWebOrMessaging().check(main);
    }

    @Test
    void usesNoFieldInjection() {
        OrderflowArchitecture.noFieldInjection().check(main);
    }

    @Test
    void keepsRepositoriesPackagePrivate() {
        OrderflowArchitecture.repositoriesAreNotPublic().check(main);
    }
}
