package io.orderflow.platform.config;

/**
 * A setting a service cannot start without is not set. Start-up stops with {@link MissingSettingFailureAnalyzer}'s
 * report, which names the setting and the environment variable that sets it.
 */
public class MissingSettingException extends RuntimeException {

    private final String setting;
    private final String variable;
    private final String action;

    /**
     * @param setting the Spring property, e.g. {@code spring.datasource.password}
     * @param variable the environment variable a deployment sets it with
     * @param action what to do, in one or two sentences
     */
    public MissingSettingException(String setting, String variable, String action) {
        super(setting + " is not set (environment variable " + variable + ")");
        this.setting = setting;
        this.variable = variable;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    public String variable() {
        return variable;
    }

    public String action() {
        return action;
    }
}
