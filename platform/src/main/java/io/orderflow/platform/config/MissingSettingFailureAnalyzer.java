package io.orderflow.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MissingSettingException} into Spring Boot's start-up failure report: what is missing, what to do. */
public class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
        return new FailureAnalysis(
                "The required setting " + cause.setting() + " is not set: the environment " + "variable "
                        + cause.variable() + " is missing or empty.",
                cause.action(),
                cause);
    }
}
