package io.orderflow.simulator;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The simulator runs on Jetty (Tomcat closes the connection after every 400 and 500; WeChat keeps it, ADR 0019),
 * and other modules' tests and the local launcher embed it beside services and a demo shop that run on Tomcat.
 * Both servers' auto-configurations would then compete in those applications, and Jetty's, first by name, would
 * win. This filter, registered in {@code META-INF/spring.factories}, leaves Jetty's auto-configurations to the
 * simulator's own context (known by its config name) and drops them everywhere else.
 */
public class JettyForTheSimulatorOnly implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String JETTY_AUTO_CONFIGURATION = "org.springframework.boot.jetty.autoconfigure.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean simulator = WechatPaySimulator.CONFIG_NAME.equals(environment.getProperty("spring.config.name"));
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String candidate = autoConfigurationClasses[i];
            match[i] = simulator || candidate == null || !candidate.startsWith(JETTY_AUTO_CONFIGURATION);
        }
        return match;
    }
}
