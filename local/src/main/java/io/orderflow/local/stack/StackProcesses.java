package io.orderflow.local.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The processes of a running stack by part ({@code launcher}, {@code postgres}, each service), written to
 * {@code <work-dir>/processes.properties} once the stack is up and deleted when it stops, so that
 * {@code ./orderflow-local idle} finds them. Each entry is {@code pid:start-ticks} (field 22 of
 * {@code /proc/<pid>/stat}): a pid reused by another process after the stack ended does not match.
 */
record StackProcesses(Map<String, Long> pids) {

    static final String FILE = "processes.properties";

    /** The part name of the launcher JVM (Kafka broker, simulator, demo shop). */
    static final String LAUNCHER = "launcher JVM (Kafka, simulator, shop)";

    static final String POSTGRES = "PostgreSQL";

    /**
     * What a previous run in this work directory left running, stopped before a new run starts: the services and
     * PostgreSQL of a launcher that was killed (SIGKILL, a crash) outlive it, hold their ports and would serve the
     * new run's clients. While that launcher still runs, the stack is not an orphan: this refuses instead.
     */
    void stopOrphans(java.io.PrintStream out, java.time.Duration grace) {
        Long launcher = pids.get(LAUNCHER);
        if (launcher != null) {
            throw new IllegalStateException("a local stack already runs from this work directory (launcher pid "
                    + launcher + "): stop it first (Ctrl-C in its terminal, or kill " + launcher + ")");
        }
        out.println("  stopping what a previous run left running (its launcher was killed): " + pids);
        // the services first, then PostgreSQL, which then has no client left to wait for
        List<String> order = new java.util.ArrayList<>(pids.keySet());
        order.remove(POSTGRES);
        stop(order, grace);
        if (pids.containsKey(POSTGRES)) {
            stop(List.of(POSTGRES), grace);
        }
    }

    private void stop(List<String> parts, java.time.Duration grace) {
        List<ProcessHandle> handles = parts.stream()
                .map(pids::get)
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .toList();
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit()
                        .get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    void write(Path workDirectory) {
        Properties properties = new Properties();
        pids.forEach((part, pid) ->
                ProcStat.read(pid).ifPresent(stat -> properties.setProperty(part, pid + ":" + stat.startTicks())));
        try {
            Files.createDirectories(workDirectory);
            Path temporary = workDirectory.resolve(FILE + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(
                        writer, "the running local stack's processes (pid:start time), for ./orderflow-local idle");
            }
            Files.move(
                    temporary,
                    workDirectory.resolve(FILE),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path workDirectory) {
        try {
            Files.deleteIfExists(workDirectory.resolve(FILE));
        } catch (IOException e) {
            // a stale file is recognised by its start times
        }
    }

    /** The parts still running as written, in the file's order of parts; empty when no stack runs. */
    static Optional<StackProcesses> read(Path workDirectory) {
        Path file = workDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String part : order(properties.stringPropertyNames())) {
            String[] value = properties.getProperty(part).split(":");
            long pid = Long.parseLong(value[0]);
            long start = Long.parseLong(value[1]);
            if (ProcStat.read(pid).filter(stat -> stat.startTicks() == start).isPresent()) {
                pids.put(part, pid);
            }
        }
        return pids.isEmpty() ? Optional.empty() : Optional.of(new StackProcesses(pids));
    }

    /** Launcher, PostgreSQL, then the services in their usual order. */
    private static List<String> order(java.util.Set<String> parts) {
        List<String> known = new java.util.ArrayList<>(List.of(LAUNCHER, POSTGRES));
        known.addAll(Services.NAMES);
        return parts.stream()
                .sorted(java.util.Comparator.comparingInt((String part) -> {
                            int index = known.indexOf(part);
                            return index < 0 ? known.size() : index;
                        })
                        .thenComparing(part -> part))
                .toList();
    }
}
