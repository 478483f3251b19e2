package io.orderflow.notify.bench;

import io.orderflow.platform.test.PostgresCpu;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the benchmark's CPU goes: this JVM's threads by group (the service, the in-JVM broker, the harness), the
 * JVM's own threads (GC, JIT: the process total minus the Java threads) and the PostgreSQL server
 * ({@link PostgresCpu}).
 */
final class CpuAccount {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Function<String, String> groupOf;
    private final PostgresCpu postgres;
    private final Map<Long, String> groups = new HashMap<>();
    private final Map<Long, Long> start = new HashMap<>();
    private long processStart;
    private long postgresStart;

    CpuAccount(Function<String, String> groupOf, PostgresCpu postgres) {
        this.groupOf = groupOf;
        this.postgres = postgres;
    }

    void begin() {
        start.clear();
        start.putAll(threadCpu());
        processStart = processCpu();
        postgresStart = postgres.nanos();
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
        ms.put("PostgreSQL", (postgres.nanos() - postgresStart) / 1e6);
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
}
