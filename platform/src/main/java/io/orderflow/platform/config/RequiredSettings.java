package io.orderflow.platform.config;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Stops start-up, before any bean is created, when the database password is not set. Each service's
 * {@code application.yml} reads it from {@code ORDERFLOW_<SERVICE>_DB_PASSWORD} without a default; only its
 * {@code local} profile has a development default (ADR 0015), so a deployment that forgot the Secret fails at
 * once, saying which variable is missing, instead of trying a well-known password. A password given inside the
 * JDBC URL ({@code ?password=}) counts.
 */
class RequiredSettings implements BeanFactoryPostProcessor {

    static final String PASSWORD = "spring.datasource.password";

    private final Environment environment;

    RequiredSettings(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String password = environment.getProperty(PASSWORD, "");
        String url = environment.getProperty("spring.datasource.url", "");
        if (password.isBlank() && !url.contains("password=")) {
            String service = environment.getProperty("orderflow.service", "");
            String variable = service.isBlank()
                    ? "SPRING_DATASOURCE_PASSWORD"
                    : "ORDERFLOW_" + service.toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
            String secret = service.isBlank()
                    ? "the database's credentials Secret"
                    : "the Secret orderflow-" + service + "-db-credentials, key password";
            throw new MissingSettingException(
                    PASSWORD,
                    variable,
                    "Set " + variable + " to the database password ("
                            + "on Kubernetes from " + secret
                            + "). Only the 'local' profile has a development default; it "
                            + "is never used elsewhere.");
        }
    }
}
