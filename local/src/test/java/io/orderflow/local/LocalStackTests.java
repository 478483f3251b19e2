package io.orderflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.simulator.support.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The one-command local stack, started through {@code ./orderflow-local} and used in headless Chromium as a
 * payer inside WeChat would use the demo shop: pay, cancel and let the order expire, refund; then the
 * timeline of each order; then Ctrl-C's path (SIGTERM) must leave no process behind.
 */
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTests {
    private static final Path TARGET = Path.of("target");
    /** Generous for a slow, shared 2-core machine: each wait ends as soon as the page shows the state. */
    private static final Duration UI = Duration.ofSeconds(60);

    /** What the page showed when a test failed: a screenshot and the page's HTML, beside the others. */
    @RegisterExtension
    final TestWatcher pageOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            String name = "failed-" + context.getRequiredTestMethod().getName();
            try {
                screenshot(name + ".png");
                Files.writeString(TARGET.resolve("screenshots").resolve(name + ".html"), browser.getPageSource());
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    private LaunchedStack stack;
    private ChromeDriver browser;
    private String shop;

    @BeforeAll
    void start() throws IOException {
        if (!Chromium.installed()) {
            return; // every test is reported skipped, with the reason, by the Chromium condition
        }
        // an order payable for 30 s: long enough to cancel in the pay sheet and see it still PENDING
        stack = LaunchedStack.start(
                TARGET.toAbsolutePath().getParent().getParent(),
                TARGET.resolve("local-stack"),
                "--order-expire-in=30s");
        shop = stack.url("demo shop checkout");
        System.out.println(stack.line("orderflow local stack is up"));
        System.out.println(stack.line("total"));
        browser = Chromium.start("--disable-quic", "--window-size=480,900");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null && stack.process().isAlive()) {
            stack.process().destroy();
        }
    }

    @Test
    @Order(1)
    void launcherReportsWhereEverythingListensHowLongItTookAndItsMemory() {
        assertThat(stack.line("orderflow local stack is up after")).matches(".* after \\d+\\.\\d s .*");
        assertThat(stack.line("total")).matches("total\\s+\\d+ processes\\s+RSS\\s+[\\d,]+ MiB\\s+PSS\\s+[\\d,]+ MiB");
        for (String part : List.of(
                "order-service",
                "payment-service",
                "notify-service",
                "reconcile-service",
                "WeChat Pay simulator",
                "order timelines")) {
            assertThat(stack.url(part)).startsWith("http://127.0.0.1:");
        }
        for (String service : List.of("order-service", "payment-service", "notify-service", "reconcile-service")) {
            assertThat(stack.line(service))
                    .as("%s's actuator on its own port", service)
                    .containsPattern("actuator http://127\\.0\\.0\\.1:\\d+/actuator");
        }
        assertThat(stack.line("admin and operator token")).contains("/reconcile/v1");
        assertThat(stack.output()).doesNotContain(secret());
    }

    @Test
    @Order(2)
    void payingShowsSuccessAndRefundingShowsRefund() throws IOException {
        browser.get(shop);
        click("buy");
        awaitShown("wx-pay-confirm");
        screenshot("checkout-pay-sheet.png");
        click("wx-pay-confirm");
        awaitStatus("SUCCESS");
        assertThat(browser.findElement(By.id("book")).getText()).startsWith("marked SUCCESS by webhook (version ");
        screenshot("checkout-paid.png");

        // a forged delivery (the right shape, no valid signature) is refused by the shop and changes nothing
        String orderId = browser.findElement(By.id("order-id")).getText();
        assertThat(forgedDelivery(orderId)).isEqualTo(400);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("SUCCESS");
        // the shop reads the deliveries of its order through its API (order-service reads notify-service's log)
        String log = shopApi("/v1/orders/" + orderId + "/webhook-deliveries");
        assertThat(log)
                .contains("\"status\":\"DELIVERED\"")
                .contains("\"version\":2")
                .contains("/shop/webhooks");

        click("refund");
        awaitStatus("REFUND");
        screenshot("checkout-refunded.png");

        browser.findElement(By.id("timeline-link")).click();
        await().atMost(UI)
                .ignoreExceptions()
                .until(() ->
                        transitions().containsAll(List.of("— → PENDING", "PENDING → SUCCESS", "SUCCESS → REFUND")));
        assertThat(browser.findElement(By.id("rows")).getText())
                .contains("orderflow.order.OrderStatusChanged.v1")
                .contains("orderflow.notify.PaymentNotified.v1 (CALLBACK)");
        screenshot("timeline.png");
    }

    @Test
    @Order(3)
    void cancellingInThePaySheetLeavesTheOrderPendingUntilItExpiresAndCloses() throws IOException {
        browser.get(shop);
        click("buy");
        click("wx-pay-cancel");
        await().atMost(UI)
                .until(() -> browser.findElement(By.id("message")).getText().contains("cancelled"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("PENDING");
        screenshot("checkout-cancelled.png");
        awaitStatus("CLOSED");
        screenshot("checkout-closed.png");

        browser.findElement(By.id("timeline-link")).click();
        await().atMost(UI).ignoreExceptions().until(() -> transitions().contains("PENDING → CLOSED"));
        assertThat(browser.findElement(By.id("rows")).getText()).contains("orderflow.reconcile.TimeoutExpired.v1");
        screenshot("timeline-closed.png");
    }

    @Test
    @Order(4)
    void stoppingTheLauncherEndsEveryProcessOfTheStack() throws InterruptedException, IOException {
        List<Long> processes = stack.processes();
        assertThat(processes).hasSizeGreaterThan(5);
        stack.process().destroy();
        // a first run of a build writes the class-data archives of the services and of the launcher as they stop
        assertThat(stack.process().waitFor(3, TimeUnit.MINUTES))
                .as("launcher exited")
                .isTrue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> processes.stream()
                        .noneMatch(pid -> ProcessHandle.of(pid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false)));
        assertThat(stack.output()).contains("orderflow local stack: stopped");
        // what the next run starts from (ADR 0021): each service's archive, and the launcher's in the directory of
        // its extracted jar
        Path cache = TARGET.resolve("local-stack").resolve("cache");
        for (String service : List.of("order-service", "payment-service", "notify-service", "reconcile-service")) {
            assertThat(archives(cache.resolve(service)))
                    .as("%s's class-data archive", service)
                    .hasSize(1);
        }
        try (var launchers = Files.list(cache.resolve("launcher"))) {
            List<Path> copies = launchers.toList();
            assertThat(copies).as("one extracted launcher").hasSize(1);
            assertThat(copies.get(0).resolve("orderflow-local.jar")).isRegularFile();
            assertThat(archives(copies.get(0)))
                    .as("the launcher's class-data archive")
                    .hasSize(1);
        }
    }

    /** The JDK 25 AOT cache or the JDK 17 dynamic CDS archive in that directory. */
    private static List<Path> archives(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("\\w+\\.(aot|jsa)"))
                    .toList();
        }
    }

    /** A signed GET of the shop API with the demo shop's credentials, as {@code ./orderflow-local sign} signs it. */
    private String shopApi(String path) {
        var credentials = io.orderflow.local.sign.ShopCredentials.read(TARGET.resolve("local-stack/shop.properties"));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(credentials.orderServiceUrl() + path))
                .header(
                        "Authorization",
                        new io.orderflow.local.sign.ShopSignature(credentials).authorization("GET", path, ""))
                .GET()
                .build();
        try {
            var answer = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return answer.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a REFUND delivery of a higher version to the shop's webhook receiver, signed with a made-up secret. */
    private int forgedDelivery(String orderId) {
        String body =
                "{\"order_id\":\"" + orderId + "\",\"version\":9,\"to\":\"REFUND\",\"order\":{\"status\":\"REFUND\"}}";
        long t = java.time.Instant.now().getEpochSecond();
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("whsec_forged".getBytes(), "HmacSHA256"));
            String v1 = java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes()));
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(shop + "shop/webhooks"))
                    .header("Content-Type", "application/json")
                    .header("ce-id", "forged-1")
                    .header("Orderflow-Signature", "t=" + t + ",v1=" + v1)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret() {
        try {
            return java.util.Arrays.stream(Files.readString(TARGET.resolve("local-stack/shop.properties"))
                            .split("\n"))
                    .filter(line -> line.startsWith("secret="))
                    .findFirst()
                    .orElseThrow()
                    .substring(7);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> transitions() {
        return browser.findElements(By.cssSelector("#rows .step .transition")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void click(String id) {
        until("#" + id + " clicked", UI, () -> {
            WebElement element = browser.findElement(By.id(id));
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private void awaitShown(String id) {
        until("#" + id + " shown", UI, () -> browser.findElement(By.id(id)).isDisplayed());
    }

    private void awaitStatus(String status) {
        until(
                "status " + status,
                Duration.ofMinutes(2),
                () -> browser.findElement(By.id("status")).getText().equals(status));
    }

    /**
     * Waits for what the page should show; when it does not, the failure says on one line what the page showed
     * instead and what the stack logged meanwhile (a CI run keeps only the summary of a failure).
     */
    private void until(String what, Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await(what).atMost(atMost).ignoreExceptions().until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "not " + what + " within " + atMost + "; page: " + pageState() + "; stack: " + stack.problems(), e);
        }
    }

    /** The page's address, its order, status and message lines, and whether the pay sheet is there. */
    private String pageState() {
        try {
            StringBuilder state = new StringBuilder(browser.getCurrentUrl());
            for (String id : List.of("order-id", "status", "message", "wx-pay-sheet")) {
                List<WebElement> found = browser.findElements(By.id(id));
                state.append(" #")
                        .append(id)
                        .append('=')
                        .append(
                                found.isEmpty()
                                        ? "(none)"
                                        : "'" + found.get(0).getText().replace('\n', ' ') + "'");
            }
            return state.toString();
        } catch (RuntimeException e) {
            return "unreadable (" + e + ")";
        }
    }

    private void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(TARGET.resolve("screenshots"));
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                directory.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
