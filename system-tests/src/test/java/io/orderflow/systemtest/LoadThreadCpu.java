package io.orderflow.systemtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits the benchmark JVM's CPU by thread group (simulator, shop clients, ...): thread CPU time
 * from {@link ThreadMXBean}, sampled by the caller every half second so that threads that end during
 * the window (idle pool threads) lose at most their last half second. CPU of JVM-internal threads (GC, JIT)
 * is not visible here: it is the process total minus these.
 */
final class LoadThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Function<String, String> groupOfThreadName;
    private final Map<Long, String> groups = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> baseline = new HashMap<>();
    private final Map<Long, Long> latest = new HashMap<>();
    private boolean counting;

    LoadThreadCpu(Function<String, String> groupOfThreadName) {
        this.groupOfThreadName = groupOfThreadName;
    }

    /** Starts counting: threads alive now count from their current CPU time, later ones from zero. */
    synchronized void begin() {
        baseline.clear();
        latest.clear();
        sample();
        baseline.putAll(latest);
        counting = true;
    }

    /** Reads every live thread's CPU time. */
    synchronized void sample() {
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
            if (cpu >= 0) {
                groups.putIfAbsent(thread.getThreadId(), groupOfThreadName.apply(thread.getThreadName()));
                // pool threads by pool: "http-nio-…-exec-7" counts as "http-nio-…-exec-*"
                names.putIfAbsent(thread.getThreadId(), thread.getThreadName().replaceAll("-\\d+$", "-*"));
                latest.put(thread.getThreadId(), cpu);
                if (counting) {
                    baseline.putIfAbsent(thread.getThreadId(), 0L);
                }
            }
        }
    }

    /** CPU seconds per group since {@link #begin()}, as of the last sample. */
    synchronized Map<String, Double> secondsByGroup() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        baseline.forEach((id, start) -> seconds.merge(groups.get(id), (latest.get(id) - start) / 1e9, Double::sum));
        return seconds;
    }

    /** The {@code count} threads (pools counted as one) that used the most CPU since {@link #begin()}, in seconds. */
    synchronized Map<String, Double> busiest(int count) {
        Map<String, Double> byName = new HashMap<>();
        baseline.forEach((id, start) -> byName.merge(names.get(id), (latest.get(id) - start) / 1e9, Double::sum));
        Map<String, Double> busiest = new LinkedHashMap<>();
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(count)
                .forEach(e -> busiest.put(e.getKey(), e.getValue()));
        return busiest;
    }
}
