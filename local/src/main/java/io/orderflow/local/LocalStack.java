package io.orderflow.local;

import io.orderflow.local.sign.SignCommand;
import io.orderflow.local.stack.IdleCommand;
import io.orderflow.local.stack.PodStartCommand;
import io.orderflow.local.stack.RunningStack;
import io.orderflow.local.stack.StackSettings;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local/target/orderflow-local.jar [--option=value…]} runs the whole system on this
 * machine until Ctrl-C; {@code … sign METHOD PATH [BODY]} prints a shop API Authorization header;
 * {@code … idle [--seconds=60]} prints the running stack's CPU with no traffic.
 */
public final class LocalStack {

    private LocalStack() {}

    public static void main(String[] args) throws InterruptedException {
        Path repository = repository();
        if (args.length > 0 && args[0].equals("sign")) {
            Path credentials = StackSettings.parse(new String[0], System.getenv(), repository)
                    .credentialsFile();
            System.exit(SignCommand.run(Arrays.copyOfRange(args, 1, args.length), credentials, System.out, System.err));
        }
        if (args.length > 0 && (args[0].equals("idle") || args[0].equals("pod-start"))) {
            // their own options (--seconds, --service, ...) apart from the stack's (--work-dir)
            String[] own = Arrays.stream(args)
                    .skip(1)
                    .filter(arg -> !arg.startsWith("--work-dir="))
                    .toArray(String[]::new);
            String[] stack = Arrays.stream(args)
                    .skip(1)
                    .filter(arg -> arg.startsWith("--work-dir="))
                    .toArray(String[]::new);
            Path work = StackSettings.parse(stack, System.getenv(), repository).workDirectory();
            System.exit(
                    args[0].equals("idle")
                            ? IdleCommand.run(own, work, System.out, System.err)
                            : PodStartCommand.run(own, work, repository, System.out, System.err));
        }
        StackSettings settings;
        try {
            settings = StackSettings.parse(args, System.getenv(), repository);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // one logging configuration (logback.xml) for the whole JVM: the simulator and the demo shop must not
        // reconfigure logging while PostgreSQL and Kafka log from other threads
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // what Spring Boot's logging system would have done: Tomcat's java.util.logging into the same log
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        // the launcher JVM's own log (Kafka, simulator, demo shop) goes next to the services' logs
        System.setProperty("orderflow.local.logs", settings.logDirectory().toString());
        // logging set up here, before PostgreSQL, Kafka and the simulator start logging from three threads at once
        org.slf4j.LoggerFactory.getLogger(LocalStack.class).info("starting with {}", settings);
        try {
            RunningStack.start(settings, System.out);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LocalStack.class).info("start failed", e);
            System.err.println("orderflow local stack did not start: " + e.getMessage());
            System.err.println("see the logs in " + settings.logDirectory());
            System.exit(1);
        }
        // the shutdown hook stops the stack; this thread only keeps the JVM alive until then
        new CountDownLatch(1).await();
    }

    /**
     * The checkout whose services this launcher runs: {@code ORDERFLOW_HOME}, else the one holding the launcher
     * jar ({@code local/target/orderflow-local.jar}), else the nearest parent of the working directory.
     */
    static Path repository() {
        String home = System.getenv("ORDERFLOW_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        try {
            Path jar = Path.of(LocalStack.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (Path dir = jar.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (isCheckout(dir)) {
                    return dir;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not loaded from a file: fall back to the working directory
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isCheckout(dir)) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static boolean isCheckout(Path dir) {
        return Files.isDirectory(dir.resolve("order-service")) && Files.isDirectory(dir.resolve("local"));
    }
}
