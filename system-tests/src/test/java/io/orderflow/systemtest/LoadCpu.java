package io.orderflow.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * CPU time of the processes the system runs as, read from {@code /proc/<pid>/stat} (user + system,
 * in clock ticks of 10 ms). PostgreSQL counts its postmaster, its live children (backends and
 * auxiliary processes) and, through the postmaster's {@code cutime}/{@code cstime}, the children
 * it has already reaped, so backends that exit during the window are not lost.
 */
final class LoadCpu {

    /** Clock ticks per second ({@code getconf CLK_TCK}); 100 on Linux for x86 and arm64. */
    private static final double TICKS = 100.0;

    private final Map<String, LongSupplier> ticksByProcess = new LinkedHashMap<>();
    private final Map<String, LongSupplier> jitTicksByProcess = new LinkedHashMap<>();
    private final Map<String, LongSupplier> switchesByProcess = new LinkedHashMap<>();

    /** Counts a JVM or other process by its id; of a JVM, also its JIT compiler threads on their own. */
    LoadCpu process(String name, long pid) {
        ticksByProcess.put(name, () -> ownTicks(pid));
        jitTicksByProcess.put(name, () -> compilerTicks(pid));
        switchesByProcess.put(name, () -> threadSwitches(pid));
        return this;
    }

    /** Counts a PostgreSQL server: the postmaster, its children, and the children it has reaped. */
    LoadCpu postgres(String name, long postmaster) {
        ticksByProcess.put(name, () -> postgresTicks(postmaster));
        switchesByProcess.put(name, () -> postgresSwitches(postmaster));
        return this;
    }

    /** CPU seconds used so far, per process. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        ticksByProcess.forEach((name, ticks) -> seconds.put(name, ticks.getAsLong() / TICKS));
        return seconds;
    }

    /**
     * CPU seconds so far of each JVM's JIT compiler threads (HotSpot's "C1 CompilerThreadN" and "C2 CompilerThreadN"):
     * a JVM still compiling is still warming up, and that CPU is not a cost of the orders of the window.
     */
    Map<String, Double> jitSnapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        jitTicksByProcess.forEach((name, ticks) -> seconds.put(name, ticks.getAsLong() / TICKS));
        return seconds;
    }

    /**
     * Context switches so far, per process: each is a thread of it (a PostgreSQL process) going to sleep to wait for
     * something, or being put off the core. Most are a message handed from one thread or process to another (a
     * statement, its answer, a record, a wake-up), which costs the same CPU whatever the message carries; the count
     * per order moves far less with the machine's speed than CPU time does. Threads and backends that ended are not
     * counted.
     */
    Map<String, Double> switchesSnapshot() {
        Map<String, Double> switches = new LinkedHashMap<>();
        switchesByProcess.forEach((name, count) -> switches.put(name, (double) count.getAsLong()));
        return switches;
    }

    /** The parent of a process (the postmaster of a PostgreSQL backend). */
    static long parent(long pid) {
        return field(stat(pid), 4);
    }

    /** The first child process of this JVM whose command line contains {@code marker} (read whole from /proc). */
    static OptionalLong child(String marker) {
        return ProcessHandle.current()
                .children()
                .mapToLong(ProcessHandle::pid)
                .filter(pid -> {
                    try {
                        return new String(
                                        Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                                        StandardCharsets.UTF_8)
                                .contains(marker);
                    } catch (IOException e) {
                        return false;
                    }
                })
                .findFirst();
    }

    /**
     * The machine's CPU ticks from /proc/stat, all of them and those stolen by the hypervisor (time this VM was
     * ready to run but another guest had the core): {@code [total, steal]}.
     */
    static long[] machineTicks() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, cpu.length > 8 ? Long.parseLong(cpu[8]) : 0};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The share of the ticks between two {@link #machineTicks()} readings that the hypervisor stole, as text. */
    static String stolen(long[] from, long[] to) {
        long total = to[0] - from[0];
        return total <= 0 ? "n/a" : String.format("%.1f %%", 100.0 * (to[1] - from[1]) / total);
    }

    /** The load average of the machine over 1, 5 and 15 minutes. */
    static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return load[0] + " / " + load[1] + " / " + load[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static long ownTicks(long pid) {
        String[] stat = stat(pid);
        return stat == null ? 0 : field(stat, 14) + field(stat, 15);
    }

    private static long compilerTicks(long pid) {
        long ticks = 0;
        for (Path task : tasks(pid)) {
            try {
                String line = Files.readString(task.resolve("stat"));
                String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    String[] stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    ticks += field(stat, 14) + field(stat, 15);
                }
            } catch (IOException e) {
                // the thread is gone
            }
        }
        return ticks;
    }

    private static long threadSwitches(long pid) {
        return tasks(pid).stream()
                .mapToLong(task -> switches(task.resolve("status")))
                .sum();
    }

    private static long postgresSwitches(long postmaster) {
        return switches(Path.of("/proc", Long.toString(postmaster), "status"))
                + children(postmaster).stream()
                        .mapToLong(child -> switches(Path.of("/proc", Long.toString(child), "status")))
                        .sum();
    }

    /** The {@code /proc/<pid>/task/<tid>} directories of a process's threads; none once it is gone. */
    private static List<Path> tasks(long pid) {
        List<Path> tasks = new ArrayList<>();
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            listed.forEach(tasks::add);
        } catch (IOException e) {
            // the process is gone
        }
        return tasks;
    }

    /** The live child processes of a process (a PostgreSQL postmaster's backends and auxiliary processes). */
    private static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                String[] stat = stat(pid);
                if (stat != null && field(stat, 4) == parent) {
                    children.add(pid);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return children;
    }

    /** Voluntary and involuntary context switches of one thread or process; 0 once it is gone. */
    static long switches(Path status) {
        long switches = 0;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    switches +=
                            Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return switches;
    }

    private static long postgresTicks(long postmaster) {
        String[] own = stat(postmaster);
        if (own == null) {
            return 0;
        }
        long ticks = field(own, 14) + field(own, 15) + field(own, 16) + field(own, 17);
        for (long child : children(postmaster)) {
            String[] stat = stat(child);
            if (stat != null) {
                ticks += field(stat, 14) + field(stat, 15);
            }
        }
        return ticks;
    }

    /** Fields of {@code /proc/<pid>/stat} after the command name (which may contain spaces); null once gone. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    /** Field number {@code n} as man proc(5) counts them (1 = pid, 2 = comm, 3 = state, ...). */
    private static long field(String[] afterCommand, int n) {
        return Long.parseLong(afterCommand[n - 3]);
    }
}
