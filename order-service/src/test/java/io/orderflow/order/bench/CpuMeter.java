package io.orderflow.order.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the benchmark's PostgreSQL server (its postmaster and every process
 * it forked), read from {@code /proc}. On a machine shared with other work, throughput mostly measures the
 * neighbours; CPU time per creation measures the service's own cost, which is what the limits add to.
 */
final class CpuMeter {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private final long postmaster;

    /** @param backendPid the pid of any connection's backend process of the server ({@code pg_backend_pid()}) */
    CpuMeter(long backendPid) {
        this.postmaster = parentOf(backendPid);
    }

    /** CPU nanoseconds so far: [JVM, PostgreSQL]. */
    long[] sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long postgres = ticks(postmaster);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            postgres += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> parentOf(pid) == postmaster).map(CpuMeter::ticks).sum();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new long[] {jvm, postgres * NANOS_PER_TICK};
    }

    /** utime + stime of a process (ticks; 0 when it has gone). */
    private static long ticks(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long parentOf(long pid) {
        String[] fields = stat(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** The fields of /proc/pid/stat after the command name (which may contain spaces): state is [0]. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
