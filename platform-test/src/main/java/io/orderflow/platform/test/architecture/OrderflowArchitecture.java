package io.orderflow.platform.test.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;

/**
 * The structure rules every orderflow service keeps (docs/adr/0003-test-infrastructure.md), as plain ArchUnit
 * rules a service applies to its own main classes. Rules that select no classes pass, so
 * they hold for services that are still empty.
 */
public final class OrderflowArchitecture {

    /** The services, each owning {@code io.orderflow.<service>..}. */
    public static final List<String> SERVICES = List.of("order", "payment", "notify", "reconcile");

    static final String SIMULATOR_PACKAGE = "io.orderflow.simulator";

    static final String[] WEB_PACKAGES = {"org.springframework.web..", "jakarta.servlet..", "org.springframework.http.."
    };

    static final String[] MESSAGING_PACKAGES = {
        "org.springframework.cloud.stream..",
        "org.springframework.messaging..",
        "org.springframework.kafka..",
        "org.apache.kafka.."
    };

    static final String[] INJECTION_ANNOTATIONS = {
        "org.springframework.beans.factory.annotation.Autowired",
        "org.springframework.beans.factory.annotation.Value",
        "jakarta.inject.Inject",
        "javax.inject.Inject",
        "jakarta.annotation.Resource",
        "javax.annotation.Resource"
    };

    static final String SPRING_DATA_REPOSITORY = "org.springframework.data.repository.Repository";

    private OrderflowArchitecture() {}

    /** (a) No service uses another service's code or the WeChat Pay simulator: they meet only on Kafka. */
    public static ArchRule servicesDoNotDependOnEachOther() {
        return classes()
                .that(resideInAnyPackage(servicePackages()))
                .should(dependOnlyOnTheirOwnServiceAmongServices())
                .allowEmptyShould(true);
    }

    /** (b) Outside the {@code web}, {@code messaging} and {@code config} adapters, a service knows no HTTP and no broker. */
    public static ArchRule coreDoesNotDependOnWebOrMessaging() {
        return noClasses()
                .that(coreOfServices())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB_PACKAGES)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(MESSAGING_PACKAGES)
                .because("web and messaging are thin adapters around the core")
                .allowEmptyShould(true);
    }

    /** (c) Dependencies arrive through constructors, never through annotated fields. */
    public static ArchRule noFieldInjection() {
        var fields = noFields().should().beAnnotatedWith(INJECTION_ANNOTATIONS[0]);
        for (int i = 1; i < INJECTION_ANNOTATIONS.length; i++) {
            fields = fields.orShould().beAnnotatedWith(INJECTION_ANNOTATIONS[i]);
        }
        return fields.because("constructor injection keeps dependencies explicit and final")
                .allowEmptyShould(true);
    }

    /** (d) Spring Data repositories stay inside their feature package. */
    public static ArchRule repositoriesAreNotPublic() {
        return classes()
                .that()
                .areAssignableTo(SPRING_DATA_REPOSITORY)
                .and()
                .resideOutsideOfPackage("org.springframework..")
                .should()
                .notBePublic()
                .because("only the feature's use cases reach its repository")
                .allowEmptyShould(true);
    }

    /** Rules (a) to (d), in that order. */
    public static List<ArchRule> serviceRules() {
        return List.of(
                servicesDoNotDependOnEachOther(),
                coreDoesNotDependOnWebOrMessaging(),
                noFieldInjection(),
                repositoriesAreNotPublic());
    }

    private static String[] servicePackages() {
        return SERVICES.stream()
                .map(service -> "io.orderflow." + service + "..")
                .toArray(String[]::new);
    }

    private static DescribedPredicate<JavaClass> coreOfServices() {
        return resideInAnyPackage(servicePackages())
                .and(not(resideInAnyPackage("..web..", "..messaging..", "..config..")))
                .and(not(simpleNameEndingWith("Application")))
                .as("core classes of a service (not web, messaging, config or the Application)");
    }

    private static ArchCondition<JavaClass> dependOnlyOnTheirOwnServiceAmongServices() {
        return new ArchCondition<>("not depend on another service or on the simulator") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = serviceOf(item);
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> other = serviceOf(target);
                    boolean foreign = other.isPresent() && !other.equals(own);
                    if (foreign || inPackage(target.getPackageName(), SIMULATOR_PACKAGE)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    static Optional<String> serviceOf(JavaClass type) {
        return SERVICES.stream()
                .filter(service -> inPackage(type.getPackageName(), "io.orderflow." + service))
                .findFirst();
    }

    private static boolean inPackage(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }
}
