package io.orderflow.local.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code orderflow-local idle [--seconds=60] [--threads=12]}: the running stack's CPU with no traffic, per part
 * and in total, in percent of one core over the interval (user + system time from {@code /proc/<pid>/stat}; for
 * PostgreSQL the postmaster, its backends and the backends it reaped meanwhile), against the footprint budget
 * (whole stack ≤ 2 %, each service ≤ 0.5 %, issue 18); the threads (and PostgreSQL processes) that used the most;
 * and each part's memory (PSS, RSS) at the end. Beside the CPU, each part's wake-ups a second (its threads' context
 * switches, voluntary and not, from {@code /proc/<pid>/task/<tid>/status}) and the threads woken most: on a virtual
 * machine an idle thread's wake-up costs tens to hundreds of microseconds, the CPU figure moves from run to run by
 * more than a change removes, and the count does not. Start it once the stack is up and nothing uses it.
 */
public final class IdleCommand {

    /** Budget of the whole stack in percent of one core. */
    static final double STACK_BUDGET = 2.0;

    /** Budget of each service in percent of one core. */
    static final double SERVICE_BUDGET = 0.5;

    private IdleCommand() {}

    public static int run(String[] args, Path workDirectory, PrintStream out, PrintStream err)
            throws InterruptedException {
        Duration interval = Duration.ofSeconds(60);
        int threads = 12;
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                interval = Duration.ofSeconds(Long.parseLong(arg.substring("--seconds=".length())));
            } else if (arg.startsWith("--threads=")) {
                threads = Integer.parseInt(arg.substring("--threads=".length()));
            } else {
                err.println("usage: orderflow-local idle [--seconds=60] [--threads=12] [--work-dir=DIR]");
                err.println("prints the running local stack's CPU per part over that time (send it no traffic)");
                return 2;
            }
        }
        Optional<StackProcesses> stack = StackProcesses.read(workDirectory);
        if (stack.isEmpty()) {
            err.println("no running local stack found in " + workDirectory + " (start it first: ./orderflow-local)");
            return 1;
        }
        measure(stack.get(), interval, threads, out);
        return 0;
    }

    static Map<String, Double> measure(StackProcesses stack, Duration interval, int threads, PrintStream out)
            throws InterruptedException {
        out.printf(
                "idle CPU of the local stack over %d s (%% of one core; send it no traffic meanwhile) ...%n",
                interval.toSeconds());
        out.flush();
        Sample before = Sample.take(stack);
        long started = System.nanoTime();
        Thread.sleep(interval.toMillis());
        Sample after = Sample.take(stack);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> percent = new LinkedHashMap<>();
        Map<String, Double> wakeups = new LinkedHashMap<>();
        for (String part : stack.pids().keySet()) {
            long ticks = after.partTicks.getOrDefault(part, 0L) - before.partTicks.getOrDefault(part, 0L);
            long switches = after.partSwitches.getOrDefault(part, 0L) - before.partSwitches.getOrDefault(part, 0L);
            percent.put(part, 100.0 * ticks / ProcStat.TICKS_PER_SECOND / seconds);
            wakeups.put(part, switches / seconds);
        }
        double total =
                percent.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Map.Entry<String, Double> part : percent.entrySet()) {
            boolean service = Services.NAMES.contains(part.getKey());
            boolean partOver = service && part.getValue() > SERVICE_BUDGET;
            Footprint memory = Footprint.of(after.members.getOrDefault(part.getKey(), List.of()));
            out.printf(
                    "  %-38s %6.2f %%%s %7.1f wake-ups/s   %s%n",
                    part.getKey(),
                    part.getValue(),
                    partOver ? "  OVER " + SERVICE_BUDGET + " %" : " ".repeat(12),
                    wakeups.get(part.getKey()),
                    memory);
        }
        List<ProcessHandle> everything =
                after.members.values().stream().flatMap(List::stream).toList();
        out.printf(
                "  %-38s %6.2f %%%s %7.1f wake-ups/s   %s%n",
                "total",
                total,
                " ".repeat(12),
                wakeups.values().stream().mapToDouble(Double::doubleValue).sum(),
                Footprint.of(everything));
        out.printf(
                "budget: whole stack <= %.1f %%, each service <= %.1f %% of one core: %s%n",
                STACK_BUDGET, SERVICE_BUDGET, withinBudget(percent) ? "met" : "OVER");
        List<Map.Entry<String, Long>> busiest = growth(before.threadTicks, after.threadTicks);
        if (!busiest.isEmpty() && threads > 0) {
            out.println("busiest threads (and PostgreSQL processes):");
            busiest.stream()
                    .limit(threads)
                    .forEach(thread -> out.printf(
                            "  %6.2f %%  %s%n",
                            100.0 * thread.getValue() / ProcStat.TICKS_PER_SECOND / seconds, thread.getKey()));
        }
        List<Map.Entry<String, Long>> woken = growth(before.threadSwitches, after.threadSwitches);
        if (!woken.isEmpty() && threads > 0) {
            out.println("threads woken most (wake-ups a second):");
            woken.stream()
                    .limit(threads)
                    .forEach(thread -> out.printf("  %7.1f/s  %s%n", thread.getValue() / seconds, thread.getKey()));
        }
        out.flush();
        percent.put("total", total);
        return percent;
    }

    /** What grew between two counts per thread, largest first (threads that started meanwhile count from 0). */
    private static List<Map.Entry<String, Long>> growth(Map<String, Long> before, Map<String, Long> after) {
        List<Map.Entry<String, Long>> grown = new ArrayList<>();
        after.forEach((thread, count) -> {
            long delta = count - before.getOrDefault(thread, 0L);
            if (delta > 0) {
                grown.add(Map.entry(thread, delta));
            }
        });
        grown.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return grown;
    }

    /** Whether the parts' idle CPU (percent of one core by part) is within the stack's and each service's budget. */
    static boolean withinBudget(Map<String, Double> percent) {
        double total =
                percent.values().stream().mapToDouble(Double::doubleValue).sum();
        return total <= STACK_BUDGET
                && percent.entrySet().stream()
                        .noneMatch(part -> Services.NAMES.contains(part.getKey()) && part.getValue() > SERVICE_BUDGET);
    }

    /** CPU ticks and context switches per part and per thread at one moment, and each part's processes. */
    private record Sample(
            Map<String, Long> partTicks,
            Map<String, Long> threadTicks,
            Map<String, Long> partSwitches,
            Map<String, Long> threadSwitches,
            Map<String, List<ProcessHandle>> members) {

        static Sample take(StackProcesses stack) {
            Map<String, List<ProcessHandle>> members = members(stack);
            Map<String, Long> parts = new LinkedHashMap<>();
            Map<String, Long> threads = new HashMap<>();
            Map<String, Long> partSwitches = new LinkedHashMap<>();
            Map<String, Long> threadSwitches = new HashMap<>();
            members.forEach((part, handles) -> {
                long ticks = 0;
                long switches = 0;
                for (ProcessHandle handle : handles) {
                    Optional<ProcStat> stat = ProcStat.read(handle.pid());
                    if (stat.isEmpty()) {
                        continue;
                    }
                    ticks += stat.get().cpuTicks();
                    if (handle.pid() == stack.pids().get(part)) {
                        // children that ended meanwhile (PostgreSQL's backends) count through their parent
                        ticks += stat.get().childrenCpuTicks();
                    }
                    switches += tasks(part, handle.pid(), threads, threadSwitches);
                }
                parts.put(part, ticks);
                partSwitches.put(part, switches);
            });
            return new Sample(parts, threads, partSwitches, threadSwitches, members);
        }

        /** Each part's root and its descendants, except those belonging to another part (the launcher's). */
        private static Map<String, List<ProcessHandle>> members(StackProcesses stack) {
            Set<Long> roots = new HashSet<>(stack.pids().values());
            Map<String, List<ProcessHandle>> members = new LinkedHashMap<>();
            stack.pids()
                    .forEach((part, pid) -> ProcessHandle.of(pid).ifPresent(root -> {
                        List<ProcessHandle> handles = new ArrayList<>(List.of(root));
                        Set<Long> excluded = new HashSet<>();
                        root.descendants().forEach(descendant -> {
                            if (roots.contains(descendant.pid())
                                    || descendant
                                            .parent()
                                            .map(parent -> excluded.contains(parent.pid()))
                                            .orElse(false)) {
                                excluded.add(descendant.pid());
                            } else {
                                handles.add(descendant);
                            }
                        });
                        members.put(part, handles);
                    }));
            return members;
        }

        /**
         * Per thread of a JVM (its name), or per process of PostgreSQL (its title: "postgres: walwriter"): its CPU
         * ticks into {@code ticks} and its context switches into {@code switches}; answers the process's switches.
         */
        private static long tasks(String part, long pid, Map<String, Long> ticks, Map<String, Long> switches) {
            long total = 0;
            Path tasks = Path.of("/proc", String.valueOf(pid), "task");
            try (Stream<Path> list = Files.list(tasks)) {
                List<Path> ids = list.toList();
                String title = ids.size() == 1 ? commandLine(pid) : null;
                for (Path task : ids) {
                    Optional<ProcStat> stat = ProcStat.read(task.resolve("stat"));
                    if (stat.isEmpty()) {
                        continue; // ended meanwhile
                    }
                    String name = part + "  "
                            + (title != null ? title : stat.get().name()) + "  [" + task.getFileName() + "]";
                    ticks.put(name, stat.get().cpuTicks());
                    long count = contextSwitches(task.resolve("status"));
                    switches.put(name, count);
                    total += count;
                }
            } catch (IOException | RuntimeException e) {
                // ended meanwhile
            }
            return total;
        }

        private static String commandLine(long pid) {
            try {
                String line = new String(
                                Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                                StandardCharsets.UTF_8)
                        .replace('\0', ' ')
                        .trim();
                return line.length() > 60 ? line.substring(0, 60) : line;
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * A task's context switches so far, voluntary (it waited: each is a later wake-up) and not (preempted), from
     * its {@code status}; 0 when it ended.
     */
    static long contextSwitches(Path status) {
        try {
            return parseContextSwitches(Files.readString(status));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long parseContextSwitches(String status) {
        long switches = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return switches;
    }
}
