package io.orderflow.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests run where Debian's {@code chromium} and {@code chromium-driver} are installed (CI installs them,
 * {@code .ci/run}); elsewhere each test is reported skipped, with this reason, rather than the class silently
 * running none. The condition is per test on purpose: a class-level skip or an assumption in {@code @BeforeAll}
 * hides the count. {@code -Dorderflow.test.chromium=PATH} and {@code -Dorderflow.test.chromedriver=PATH} point it
 * at other binaries.
 */
final class Chromium implements ExecutionCondition {

    static final Path BINARY = Path.of(System.getProperty("orderflow.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("orderflow.test.chromedriver", "/usr/bin/chromedriver"));

    /** Whether both binaries are there: a {@code @BeforeAll} starting the browser checks this first. */
    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("decided per test, so that every skipped one is reported");
        }
        return installed()
                ? ConditionEvaluationResult.enabled("headless Chromium at " + BINARY)
                : ConditionEvaluationResult.disabled("headless Chromium not installed (" + BINARY + ", " + DRIVER
                        + "): apt-get install -y chromium chromium-driver, as .ci/run does");
    }
}
