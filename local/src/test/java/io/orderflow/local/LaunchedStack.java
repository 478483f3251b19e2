package io.orderflow.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack started as the README says, through {@code ./orderflow-local} (told not to build: the
 * reactor already did), on free ports, its output kept in a file and read back as a user would read it.
 */
final class LaunchedStack {

    private final Process process;
    private final Path output;

    private LaunchedStack(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static LaunchedStack start(Path repository, Path workDirectory, String... options) {
        try {
            Files.createDirectories(workDirectory);
            Path output = workDirectory.resolve("launcher.out");
            List<String> command = new java.util.ArrayList<>(List.of(
                    repository.resolve("orderflow-local").toString(),
                    "--random-ports",
                    "--work-dir=" + workDirectory.toAbsolutePath()));
            command.addAll(Arrays.asList(options));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("ORDERFLOW_LOCAL_SKIP_BUILD", "true");
            // the script runs $JAVA_HOME/bin/java: the same JDK as this test
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            LaunchedStack stack = new LaunchedStack(builder.start(), output);
            await("local stack up (see " + output + ")")
                    .atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!stack.process.isAlive()) {
                            throw new IllegalStateException("launcher exited: " + stack.output());
                        }
                        return stack.output().contains("Press Ctrl-C");
                    });
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address printed on the line naming that part, e.g. "demo shop checkout". */
    String url(String part) {
        Matcher matcher = Pattern.compile("(?m)^\\s+" + Pattern.quote(part) + "\\s+(http://\\S+)")
                .matcher(output());
        if (!matcher.find()) {
            throw new IllegalStateException("no URL for " + part + " in: " + output());
        }
        return matcher.group(1);
    }

    /** The first line starting with that text, trimmed. */
    String line(String start) {
        return output().lines()
                .map(String::trim)
                .filter(line -> line.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no line " + start + " in: " + output()));
    }

    /**
     * The last warnings and errors the stack's logs hold (launcher, services), start-up notices left out, each cut
     * to one short line: what a failed UI wait reports beside the page.
     */
    String problems() {
        Path logs = output.getParent().resolve("logs");
        List<String> found = new java.util.ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                String service = log.getFileName().toString().replace(".log", "");
                List<String> lines = Files.readAllLines(log);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    boolean problem = (line.contains(" WARN ") || line.contains(" ERROR "))
                            && STARTUP_NOTICES.stream().noneMatch(line::contains);
                    // a failed start says why under "Description:" (Spring Boot's failure analysis), not on the
                    // ERROR line itself
                    boolean reason = line.trim().equals("Description:") && i + 2 < lines.size();
                    if (problem || reason) {
                        String text = reason ? "Description: " + lines.get(i + 2) : line;
                        text = service + ": " + text.replace("[ ", "[").replaceAll("\\s+", " ");
                        found.add(text.length() > 240 ? text.substring(0, 240) + "…" : text);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return "logs unreadable (" + e + ")";
        }
        return found.isEmpty()
                ? "no warnings logged"
                : String.join(" | ", found.subList(Math.max(0, found.size() - 8), found.size()));
    }

    /** Warnings every start logs (library notices), never the cause of a failure. */
    private static final List<String> STARTUP_NOTICES = List.of(
            "outOfOrder mode",
            "Kotlin is present",
            "SpringDoc",
            "has been already registered",
            "metadata log appears to be empty",
            "already been closed");

    /** Every process the launcher reported as part of the stack (itself, PostgreSQL, the services). */
    List<Long> processes() {
        return Arrays.stream(line("processes:")
                        .substring("processes:".length())
                        .trim()
                        .split("\\s+"))
                .map(Long::valueOf)
                .toList();
    }

    Process process() {
        return process;
    }
}
