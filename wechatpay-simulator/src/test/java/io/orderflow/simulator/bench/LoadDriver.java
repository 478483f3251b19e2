package io.orderflow.simulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/** Runs a call from several threads for a fixed time and prints the rate (and the simulator's CPU per call). */
final class LoadDriver {

    /** Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final int threads;

    private final Duration phase;

    private final String pid;

    LoadDriver(int threads, Duration phase, String pid) {
        this.threads = threads;
        this.phase = phase;
        this.pid = pid;
    }

    void run(String name, Runnable call) throws InterruptedException {
        long end = System.nanoTime() + phase.toNanos();
        long cpuBefore = simulatorCpuNanos();
        var counts = repeat(call, () -> System.nanoTime() < end);
        System.out.printf(
                "%-28s %3d threads  %8.0f req/s  (%d ok, %d failed in %ds)%s%n",
                name,
                threads,
                counts[0].sum() / (double) phase.toSeconds(),
                counts[0].sum(),
                counts[1].sum(),
                phase.toSeconds(),
                cpuPerOp(cpuBefore, counts[0].sum()));
    }

    void runUntilEmpty(Runnable call, Queue<?> work) throws InterruptedException {
        repeat(call, () -> !work.isEmpty());
    }

    private LongAdder[] repeat(Runnable call, BooleanSupplier more) throws InterruptedException {
        var done = new LongAdder();
        var failed = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                while (more.getAsBoolean()) {
                    try {
                        call.run();
                        done.increment();
                    } catch (RuntimeException ex) {
                        failed.increment();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return new LongAdder[] {done, failed};
    }

    String cpuPerOp(long cpuBefore, long operations) {
        if (pid == null || operations == 0) {
            return "";
        }
        double millis = (simulatorCpuNanos() - cpuBefore) / 1e6 / operations;
        return String.format("  simulator CPU %.2f ms/op", millis);
    }

    /** utime + stime of the simulator process, or 0 when it runs in this JVM. */
    long simulatorCpuNanos() {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
