package io.orderflow.simulator.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Browser tests run where Debian's {@code chromium} and {@code chromium-driver} are installed (CI installs them,
 * {@code .ci/run}); elsewhere each test is reported skipped, with this reason, rather than the class silently
 * running none. The condition is per test on purpose: a class-level skip or an assumption in {@code @BeforeAll}
 * hides the count. {@code -Dorderflow.test.chromium=PATH} and {@code -Dorderflow.test.chromedriver=PATH} point it
 * at other binaries. {@link #start} starts the headless browser the tests drive.
 */
public final class Chromium implements ExecutionCondition {

    public static final Path BINARY = Path.of(System.getProperty("orderflow.test.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER =
            Path.of(System.getProperty("orderflow.test.chromedriver", "/usr/bin/chromedriver"));

    /** Whether both binaries are there: a {@code @BeforeAll} starting the browser checks this first. */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /**
     * A headless Chromium with a fresh profile, quiet (no sync, updates or background traffic) and fit for a
     * container; {@code extraArguments} are added to those switches.
     */
    public static ChromeDriver start(String... extraArguments) throws IOException {
        var options = new ChromeOptions();
        options.setBinary(BINARY.toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.addArguments(extraArguments);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
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
