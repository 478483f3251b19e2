package io.orderflow.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time that threads have used, by name prefix: unlike wall-clock rates, it barely moves
 * when other processes compete for the cores, so it shows the cost per event on any load.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {}

    /** Sum of the CPU nanoseconds of the live threads whose name starts with the prefix. */
    static long nanos(String namePrefix) {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(namePrefix)) {
                total += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    /** CPU nanoseconds per live thread, by id, to compare two moments with {@link #top}. */
    static Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            cpu.put(id, THREADS.getThreadCpuTime(id));
        }
        return cpu;
    }

    /** The threads (names with digits folded) that used the most CPU since the snapshot, in ms. */
    static String top(Map<Long, Long> before, int count) {
        Map<String, Long> byName = new HashMap<>();
        for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
            var info = THREADS.getThreadInfo(now.getKey());
            if (info != null && now.getValue() > 0) {
                String name = info.getThreadName().replaceAll("\\d+", "N");
                name = name.length() > 50 ? name.substring(0, 50) + "..." : name;
                byName.merge(name, now.getValue() - before.getOrDefault(now.getKey(), 0L), Long::sum);
            }
        }
        return byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(count)
                .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms")
                .collect(Collectors.joining("; "));
    }

    /** CPU nanoseconds this whole JVM (broker included) has used, or -1 where the JVM does not tell. */
    static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The 1-minute load average of the machine, or -1 where {@code /proc/loadavg} is missing. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
