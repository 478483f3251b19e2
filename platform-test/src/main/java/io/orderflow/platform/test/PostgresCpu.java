package io.orderflow.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a benchmark's PostgreSQL server, read from {@code /proc}: the postmaster, its live children
 * (backends and auxiliary processes) and, through the postmaster's {@code cutime}/{@code cstime}, the children it
 * has already reaped, so backends that exit during a measurement are not lost. For benchmarks, not tests.
 */
public final class PostgresCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private final long postmaster;

    private PostgresCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server of a connection, from its backend's pid ({@code select pg_backend_pid()}). */
    public static PostgresCpu ofBackend(long backendPid) {
        String[] stat = stat(backendPid);
        if (stat == null) {
            throw new IllegalStateException("no process " + backendPid + " in /proc");
        }
        return new PostgresCpu(Long.parseLong(stat[1]));
    }

    /** CPU nanoseconds the server has used so far. */
    public long nanos() {
        long ticks = ticks(postmaster, true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String[] stat = stat(pid);
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    ticks += ticks(pid, false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
        return ticks * NANOS_PER_TICK;
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

    /** The fields of /proc/pid/stat after the command name (which may contain spaces); null once gone. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
