package io.orderflow.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of Linux's {@code /proc/<pid>/stat} (or {@code /proc/<pid>/task/<tid>/stat}) that the launcher reads:
 * the name, CPU time in clock ticks (user + system; of the process itself and of its waited-for children) and
 * the start time. Clock ticks are {@code USER_HZ}, 100 per second on every Linux the JDK runs on.
 */
record ProcStat(String name, long cpuTicks, long childrenCpuTicks, long startTicks) {

    static final int TICKS_PER_SECOND = 100;

    static Optional<ProcStat> read(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    static Optional<ProcStat> read(Path stat) {
        try {
            return Optional.of(parse(Files.readString(stat)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The name is in parentheses and may itself hold spaces and parentheses: fields count from the last ')'. */
    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String name = line.substring(open + 1, close);
        // fields after the name, from field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17,
        // starttime 22
        String[] fields = line.substring(close + 2).trim().split(" ");
        long utime = Long.parseLong(fields[14 - 3]);
        long stime = Long.parseLong(fields[15 - 3]);
        long cutime = Long.parseLong(fields[16 - 3]);
        long cstime = Long.parseLong(fields[17 - 3]);
        long start = Long.parseLong(fields[22 - 3]);
        return new ProcStat(name, utime + stime, cutime + cstime, start);
    }
}
