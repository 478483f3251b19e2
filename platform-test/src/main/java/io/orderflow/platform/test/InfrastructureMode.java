package io.orderflow.platform.test;

import java.util.Locale;

/**
 * Where the tests' PostgreSQL and Kafka come from. Embedded is the default so that a
 * clean checkout tests on a machine with only a JDK; {@code ORDERFLOW_TEST_INFRA=containers}
 * asks for Testcontainers, and external addresses win over both.
 */
public enum InfrastructureMode {
    EMBEDDED,
    CONTAINERS;

    static final String MODE_VARIABLE = "ORDERFLOW_TEST_INFRA";
    static final String POSTGRES_URL_VARIABLE = "ORDERFLOW_TEST_POSTGRES_URL";
    static final String KAFKA_BOOTSTRAP_VARIABLE = "ORDERFLOW_TEST_KAFKA_BOOTSTRAP";

    static InfrastructureMode current() {
        String value = setting(MODE_VARIABLE);
        if (value == null || value.isBlank() || value.equalsIgnoreCase("embedded")) {
            return EMBEDDED;
        }
        if (value.equalsIgnoreCase("containers")) {
            return CONTAINERS;
        }
        throw new IllegalStateException(MODE_VARIABLE + " must be 'embedded' or 'containers', was '" + value + "'");
    }

    /** An environment variable, or the system property of the same name (handy in IDEs). */
    static String setting(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }

    static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
