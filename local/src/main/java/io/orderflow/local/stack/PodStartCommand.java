package io.orderflow.local.stack;

import io.orderflow.process.FreePorts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code orderflow-local pod-start [--service=order-service] [--cpus=1] [--runs=2]}: how long a service takes to
 * start as {@code deploy/}'s image starts it. It builds the image's file layout from the service's jar (the layers
 * the Dockerfile extracts and copies), runs the Dockerfile's own build step in it (the class-data training run) and
 * then starts the service with the Dockerfile's own ENTRYPOINT, once without the archive (the image before it had
 * one) and once with it, each pinned to {@code --cpus} cores as the pod's CPU limit would ({@code taskset}), as one
 * more replica of the running stack's service (its settings, read from that process's command line; ports of its
 * own). The time is from the process's start to {@code /readyz} answering 200, what the readiness probe waits for.
 */
public final class PodStartCommand {

    /** What a pod's start may take (issue 18). */
    static final Duration BUDGET = Duration.ofSeconds(10);

    private static final Pattern EXEC_FORM = Pattern.compile("^(RUN|ENTRYPOINT)\\s+(\\[.*])\\s*$");
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private PodStartCommand() {}

    /** The final stage's build step (the training run) and entry point of the Dockerfile, exec form. */
    record Image(List<String> training, List<String> entrypoint) {

        /** The entry point as it was before the class-data archive: without the options that map it. */
        List<String> withoutArchive() {
            return entrypoint.stream()
                    .filter(option -> !option.startsWith("-XX:SharedArchiveFile=") && !option.startsWith("-Xshare:"))
                    .toList();
        }
    }

    public static int run(String[] args, Path workDirectory, Path repository, PrintStream out, PrintStream err)
            throws InterruptedException {
        String service = "order-service";
        int cpus = 1;
        int runs = 2;
        for (String arg : args) {
            if (arg.startsWith("--service=")) {
                service = arg.substring("--service=".length());
            } else if (arg.startsWith("--cpus=")) {
                cpus = Integer.parseInt(arg.substring("--cpus=".length()));
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else {
                err.println("usage: orderflow-local pod-start [--service=order-service] [--cpus=1] [--runs=2] "
                        + "[--work-dir=DIR]");
                err.println(
                        "starts one more replica of a running stack's service as deploy/'s image does, and times it");
                return 2;
            }
        }
        if (!Services.NAMES.contains(service)) {
            err.println("no such service: " + service + " (one of " + Services.NAMES + ")");
            return 2;
        }
        Optional<StackProcesses> stack = StackProcesses.read(workDirectory);
        if (stack.isEmpty() || !stack.get().pids().containsKey(service)) {
            err.println("no running local stack found in " + workDirectory + " (start it first: ./orderflow-local)");
            return 1;
        }
        Image image = image(
                Files.exists(repository.resolve("deploy/docker/Dockerfile"))
                        ? read(repository.resolve("deploy/docker/Dockerfile"))
                        : "");
        List<String> settings = settings(stack.get().pids().get(service));
        Path jar = repository.resolve(service).resolve("target").resolve(service + ".jar");
        Path layout = workDirectory.resolve("pod-start").resolve(service);
        try {
            deleteRecursively(layout);
            Files.createDirectories(layout);
            out.printf(
                    "%s as deploy/docker/Dockerfile starts it, on %d CPU(s) (taskset), %d run(s) each%n",
                    service, cpus, runs);
            double extract = time(extract(jar, layout), layout, "extract the jar's layers");
            Path application = layout.resolve("application");
            // the Dockerfile's COPY lines: the layers, dependencies first, into one directory
            for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
                copyInto(layout.resolve("layers").resolve(layer), application);
            }
            double training = time(java(image.training()), application, "build step (class-data training run)");
            out.printf("  image build steps: extract %.1f s, training run %.1f s%n", extract, training);
            for (int run = 1; run <= runs; run++) {
                double before = start(image.withoutArchive(), application, cpus, settings, layout, "without-archive");
                double after = start(image.entrypoint(), application, cpus, settings, layout, "with-archive");
                out.printf(
                        "  run %d: ready after %.1f s without the class-data archive, %.1f s with it "
                                + "(budget %d s: %s)%n",
                        run, before, after, BUDGET.toSeconds(), after <= BUDGET.toSeconds() ? "met" : "NOT met");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    /** The Dockerfile's final stage: its exec-form RUN (the training run) and ENTRYPOINT. */
    static Image image(String dockerfile) {
        String text = dockerfile.replaceAll("\\\\\\r?\\n\\s*", " ");
        List<String> training = List.of();
        List<String> entrypoint = List.of();
        for (String line : text.split("\\r?\\n")) {
            if (line.startsWith("FROM ")) {
                training = List.of();
                entrypoint = List.of();
            }
            Matcher exec = EXEC_FORM.matcher(line.trim());
            if (exec.matches()) {
                List<String> words = new ArrayList<>();
                Matcher string = JSON_STRING.matcher(exec.group(2));
                while (string.find()) {
                    words.add(string.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
                if (exec.group(1).equals("RUN")) {
                    training = List.copyOf(words);
                } else {
                    entrypoint = List.copyOf(words);
                }
            }
        }
        if (training.isEmpty() || entrypoint.isEmpty()) {
            throw new IllegalStateException("the Dockerfile's final stage has no exec-form RUN and ENTRYPOINT");
        }
        return new Image(training, entrypoint);
    }

    /** The running service's own settings ({@code --name=value} after its jar), its ports left out. */
    static List<String> settings(long pid) throws InterruptedException {
        try {
            String[] command = new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .split("\0");
            List<String> settings = new ArrayList<>();
            boolean afterJar = false;
            for (int i = 0; i < command.length; i++) {
                if (command[i].equals("-jar")) {
                    afterJar = true;
                    i++;
                } else if (afterJar
                        && command[i].startsWith("--")
                        && !command[i].startsWith("--server.port=")
                        && !command[i].startsWith("--management.server.port=")) {
                    settings.add(command[i]);
                }
            }
            return settings;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the command line of process " + pid, e);
        }
    }

    private static List<String> extract(Path jar, Path layout) throws IOException {
        Files.copy(jar, layout.resolve("application.jar"));
        return List.of(
                JAVA.toString(),
                "-Djarmode=tools",
                "-jar",
                "application.jar",
                "extract",
                "--layers",
                "--destination",
                "layers");
    }

    /** Runs a build step in {@code directory}; answers how long it took, in seconds. */
    private static double time(List<String> command, Path directory, String what)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("step.log").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(
                    what + " failed (exit " + process.exitValue() + "): see " + directory.resolve("step.log"));
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static double start(
            List<String> entrypoint, Path application, int cpus, List<String> settings, Path layout, String label)
            throws IOException, InterruptedException {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.addAll(List.of("taskset", "-c", "0-" + (cpus - 1)));
        command.addAll(java(entrypoint));
        command.addAll(settings);
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + FreePorts.next());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(application.toFile())
                .redirectErrorStream(true)
                .redirectOutput(layout.resolve(label + ".log").toFile())
                .start();
        // Ctrl-C during the wait must not leave the replica running in the stack's consumer groups
        Thread stopReplica = new Thread(process::destroy, "pod-start-stop-replica");
        Runtime.getRuntime().addShutdownHook(stopReplica);
        try {
            long deadline = started + Duration.ofMinutes(2).toNanos();
            while (!ready(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the replica exited with " + process.exitValue() + "; see "
                            + layout.resolve(label + ".log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the replica was not ready within 2 minutes; see " + layout.resolve(label + ".log"));
                }
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(stopReplica);
        }
    }

    /** The image's java, {@code /usr/bin/java}, is this JDK's here. */
    private static List<String> java(List<String> command) {
        List<String> replaced = new ArrayList<>(command);
        replaced.set(0, JAVA.toString());
        return replaced;
    }

    private static boolean ready(int port) throws InterruptedException {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyInto(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
