package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.orderflow.platform.test.architecture.OrderflowArchitecture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;

/** order-service keeps the shared architecture rules; the rules themselves catch violations. */
class ArchitectureUnitTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.orderflow.order");

    @Test
    void mainClassesAreImported() {
        assertThat(MAIN.contain(OrderServiceApplication.class)).isTrue();
    }

    @Test
    void doesNotDependOnOtherServicesOrTheSimulator() {
        OrderflowArchitecture.servicesDoNotDependOnEachOther().check(MAIN);
    }

    @Test
    void coreDoesNotDependOnWebOrMessaging() {
        OrderflowArchitecture.coreDoesNotDependOnWebOrMessaging().check(MAIN);
    }

    @Test
    void usesNoFieldInjection() {
        OrderflowArchitecture.noFieldInjection().check(MAIN);
    }

    @Test
    void keepsRepositoriesPackagePrivate() {
        OrderflowArchitecture.repositoriesAreNotPublic().check(MAIN);
    }

    @Test
    void fieldInjectionRuleRejectsAnAutowiredField() {
        assertViolated(OrderflowArchitecture.noFieldInjection(), FieldInjected.class);
    }

    @Test
    void coreRuleRejectsCoreClassesUsingHttpOrMessagingTypes() {
        assertViolated(OrderflowArchitecture.coreDoesNotDependOnWebOrMessaging(), CoreUsingHttp.class);
        assertViolated(OrderflowArchitecture.coreDoesNotDependOnWebOrMessaging(), CoreUsingMessaging.class);
    }

    @Test
    void repositoryRuleRejectsAPublicRepository() {
        assertViolated(OrderflowArchitecture.repositoriesAreNotPublic(), PublicRepository.class);
    }

    private static void assertViolated(ArchRule rule, Class<?> violator) {
        JavaClasses classes = new ClassFileImporter().importClasses(violator);
        assertThat(rule.evaluate(classes).hasViolation()).as("%s violates: %s", violator.getSimpleName(), rule).isTrue();
    }

    static class FieldInjected {
        @Autowired
        Object dependency;
    }

    static class CoreUsingHttp {
        HttpStatus answer() {
            return HttpStatus.OK;
        }
    }

    static class CoreUsingMessaging {
        Object payloadOf(Message<?> message) {
            return message.getPayload();
        }
    }

    public interface PublicRepository extends Repository<FieldInjected, String> {
    }
}
