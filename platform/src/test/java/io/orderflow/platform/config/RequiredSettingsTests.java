package io.orderflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.platform.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * Without a database password a service does not start, and says which variable to set; with one (or one in the
 * JDBC URL) the check lets it go on.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSettingsTests {

    @Test
    void aServiceWithoutADatabasePasswordStopsAtStartUpNamingTheVariable(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/orderflow_order",
                        "spring.datasource.username=orderflow");

        assertThatThrownBy(application::run).isInstanceOf(MissingSettingException.class);
        assertThat(output)
                .contains(
                        "APPLICATION FAILED TO START",
                        "The required setting spring.datasource.password is not set: the environment variable "
                                + "ORDERFLOW_ORDER_DB_PASSWORD is missing or empty.",
                        "Set ORDERFLOW_ORDER_DB_PASSWORD to the database password (on Kubernetes from the Secret "
                                + "orderflow-order-db-credentials, key password).");
    }

    @Test
    void aBlankPasswordIsMissingToo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("orderflow.service", "reconcile")
                .withProperty(RequiredSettings.PASSWORD, "  ");

        assertThatThrownBy(() -> check(environment))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage(
                        "spring.datasource.password is not set (environment variable ORDERFLOW_RECONCILE_DB_PASSWORD)");
    }

    @Test
    void aPasswordInTheSettingOrInTheJdbcUrlIsEnough() {
        check(new MockEnvironment()
                .withProperty("orderflow.service", "notify")
                .withProperty(RequiredSettings.PASSWORD, "from-a-secret"));
        check(new MockEnvironment()
                .withProperty("orderflow.service", "notify")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/orderflow_notify?user=u&password=p"));
    }

    @Test
    void outsideAnOrderflowServiceTheVariableIsSpringsOwn() {
        assertThatThrownBy(() -> check(new MockEnvironment()))
                .isInstanceOfSatisfying(
                        MissingSettingException.class,
                        e -> assertThat(e.variable()).isEqualTo("SPRING_DATASOURCE_PASSWORD"));
    }

    private static void check(MockEnvironment environment) {
        new RequiredSettings(environment).postProcessBeanFactory(new DefaultListableBeanFactory());
    }
}
