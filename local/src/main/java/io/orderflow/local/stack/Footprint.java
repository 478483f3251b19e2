package io.orderflow.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory of a group of processes from Linux's {@code /proc}: resident set size (RSS; pages shared between
 * processes, such as PostgreSQL's shared buffers, count once per process) and proportional set size (PSS;
 * shared pages split among their users, so the PSS of all parts adds up to what the machine really gives).
 */
record Footprint(int processes, long rssKib, long pssKib) {

    static Footprint of(List<ProcessHandle> handles) {
        long rss = 0;
        long pss = 0;
        int alive = 0;
        for (ProcessHandle handle : handles) {
            long pid = handle.pid();
            long processRss = field(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
            if (processRss >= 0) {
                alive++;
                rss += processRss;
                pss += Math.max(0, field(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:"));
            }
        }
        return new Footprint(alive, rss, pss);
    }

    Footprint plus(Footprint other) {
        return new Footprint(processes + other.processes, rssKib + other.rssKib, pssKib + other.pssKib);
    }

    static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /** The value in KiB of a {@code Name:   1234 kB} line, or -1 when the process or the line is absent. */
    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    String mib(long kib) {
        return String.format("%,d MiB", kib / 1024);
    }

    @Override
    public String toString() {
        return String.format("%2d processes  RSS %10s  PSS %10s", processes, mib(rssKib), mib(pssKib));
    }
}
