package io.orderflow.notify.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the benchmark's CPU goes: this JVM's threads by group (the service, the in-JVM broker, the harness), the
 * JVM's own threads (GC, JIT: the process total minus the Java threads) and the PostgreSQL server (postmaster,
 * its children, and the children it reaped during the window), read from /proc.
 */
final class CpuAccount {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double TICKS = 100.0;

    private final Function<String, String> groupOf;
    private final long postmaster;
    private final Map<Long, String> groups = new HashMap<>();
    private final Map<Long, Long> start = new HashMap<>();
    private long processStart;
    private long postgresStart;

    CpuAccount(Function<String, String> groupOf, long postmaster) {
        this.groupOf = groupOf;
        this.postmaster = postmaster;
    }

    void begin() {
        start.clear();
        start.putAll(threadCpu());
        processStart = processCpu();
        postgresStart = postgresTicks();
    }

    /** CPU milliseconds since {@link #begin()} by group, then "JVM (GC, JIT)" and "PostgreSQL". */
    Map<String, Double> end() {
        Map<String, Double> ms = new LinkedHashMap<>();
        long threadsTotal = 0;
        for (Map.Entry<Long, Long> now : threadCpu().entrySet()) {
            long used = now.getValue() - start.getOrDefault(now.getKey(), 0L);
            threadsTotal += used;
            ms.merge(groups.get(now.getKey()), used / 1e6, Double::sum);
        }
        ms.put("JVM (GC, JIT)", Math.max(0, processCpu() - processStart - threadsTotal) / 1e6);
        ms.put("PostgreSQL", (postgresTicks() - postgresStart) / TICKS * 1000);
        return ms;
    }

    private Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null) {
                long used = THREADS.getThreadCpuTime(thread.getThreadId());
                if (used >= 0) {
                    groups.putIfAbsent(thread.getThreadId(), groupOf.apply(thread.getThreadName()));
                    cpu.put(thread.getThreadId(), used);
                }
            }
        }
        return cpu;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The postmaster's own ticks, its reaped children's, and its live children's. */
    private long postgresTicks() {
        long ticks = ticks(postmaster, true);
        try (var children = Files.list(Path.of("/proc"))) {
            for (Path dir : children.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String[] stat = stat(pid);
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    ticks += ticks(pid, false);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return ticks;
    }

    private static long ticks(long pid, boolean withReaped) {
        String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        // fields after "(comm)": [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime
        long own = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return withReaped ? own + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : own;
    }

    /** The parent of a process (the postmaster of a backend). */
    static long parent(long pid) {
        return Long.parseLong(stat(pid)[1]);
    }

    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
