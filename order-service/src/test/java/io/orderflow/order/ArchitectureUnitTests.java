package io.orderflow.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.orderflow.platform.test.architecture.OrderflowArchitecture;
import io.orderflow.platform.test.architecture.ServiceArchitectureTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;

/**
 * order-service keeps the shared architecture rules, and the rules catch violations (the
 * violating classes must sit in a service package, hence here).
 */
class ArchitectureUnitTests extends ServiceArchitectureTests {

    ArchitectureUnitTests() {
        super(OrderServiceApplication.class);
    }

    /** The order aggregate and its rules are plain Java: no framework, no database, no other adapter. */
    static final ArchRule ORDER_DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that()
            .resideInAPackage("io.orderflow.order.order.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "javax.sql..",
                    "io.micrometer..",
                    "io.orderflow.platform..",
                    "io.orderflow.order.order.store..",
                    "io.orderflow.order.order.usecase..",
                    "io.orderflow.order.order.metrics..")
            .because("the domain is unit-tested without Spring, a database or a broker");

    @Test
    void orderDomainIsPlainJava() {
        ORDER_DOMAIN_IS_PLAIN_JAVA.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.orderflow.order.order.domain"));
    }

    @Test
    void orderDomainRuleRejectsADomainClassUsingJdbc() {
        assertViolated(ORDER_DOMAIN_IS_PLAIN_JAVA, io.orderflow.order.order.domain.JdbcInTheDomain.class);
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
        assertThat(rule.evaluate(classes).hasViolation())
                .as("%s violates: %s", violator.getSimpleName(), rule)
                .isTrue();
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

    public interface PublicRepository extends Repository<FieldInjected, String> {}
}
