package io.orderflow.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdleCommandUnitTests {

    @TempDir
    Path work;

    @Test
    void readsCpuTimeAndStartTimeAfterANameWithSpacesAndParentheses() {
        String line = "4242 (C1 CompilerThre) (x)) S 1 4242 4242 0 -1 4194304 100 0 0 0 1234 567 89 10 20 0 40 0 "
                + "987654 1000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        ProcStat stat = ProcStat.parse(line);
        assertThat(stat.name()).isEqualTo("C1 CompilerThre) (x)");
        assertThat(stat.cpuTicks()).isEqualTo(1234 + 567);
        assertThat(stat.childrenCpuTicks()).isEqualTo(89 + 10);
        assertThat(stat.startTicks()).isEqualTo(987654);
    }

    @Test
    void findsTheStackByItsProcessesFileAndIgnoresAStaleOne() throws Exception {
        long pid = ProcessHandle.current().pid();
        new StackProcesses(Map.of("order-service", pid)).write(work);
        assertThat(StackProcesses.read(work))
                .hasValueSatisfying(stack -> assertThat(stack.pids()).containsExactly(Map.entry("order-service", pid)));
        // the same pid with another start time: a process that reused the pid of a stack that has ended
        Files.writeString(work.resolve(StackProcesses.FILE), "order-service=" + pid + "\\:1\n");
        assertThat(StackProcesses.read(work)).isEmpty();
        StackProcesses.delete(work);
        assertThat(StackProcesses.read(work)).isEmpty();
    }

    @Test
    void measuresThePartsCpuAndNamesTheThreadThatUsedIt() throws Exception {
        long pid = ProcessHandle.current().pid();
        new StackProcesses(Map.of("order-service", pid)).write(work);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread spinner = new Thread(
                () -> {
                    while (running.get()) {
                        Thread.onSpinWait();
                    }
                },
                "idle-spinner");
        // an idle thread that wakes about a thousand times a second and uses next to no CPU doing so
        Thread waker = new Thread(
                () -> {
                    while (running.get()) {
                        LockSupport.parkNanos(500_000);
                    }
                },
                "idle-waker");
        spinner.start();
        waker.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            int exit = IdleCommand.run(
                    new String[] {"--seconds=2", "--threads=5"},
                    work,
                    new PrintStream(output, true, StandardCharsets.UTF_8),
                    System.err);
            assertThat(exit).isZero();
        } finally {
            running.set(false);
            spinner.join();
            waker.join();
        }
        String report = output.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .containsPattern("order-service\\s+\\d+\\.\\d\\d %[^\\n]*\\s\\d+\\.\\d wake-ups/s")
                .containsPattern("total\\s+\\d+\\.\\d\\d %[^\\n]*\\s\\d+\\.\\d wake-ups/s")
                .contains("RSS")
                .contains("PSS")
                .containsPattern("busiest threads[^\\n]*\\n\\s+\\d+\\.\\d\\d %  order-service  idle-spinner");
        Matcher woken = Pattern.compile(
                        "threads woken most[^\\n]*\\n(?:.*\\n)*?\\s+(\\d+\\.\\d)/s  order-service  idle-waker")
                .matcher(report);
        assertThat(woken.find())
                .as("the waker among the threads woken most:%n%s", report)
                .isTrue();
        assertThat(Double.parseDouble(woken.group(1))).isGreaterThan(100);
    }

    @Test
    void aTasksWakeUpsAreItsVoluntaryAndInvoluntarySwitches() {
        String status = String.join(
                "\n",
                "Name:\tkafka-coordinat",
                "State:\tS (sleeping)",
                "voluntary_ctxt_switches:\t1200",
                "nonvoluntary_ctxt_switches:\t34",
                "");

        assertThat(IdleCommand.parseContextSwitches(status)).isEqualTo(1234);
        assertThat(IdleCommand.contextSwitches(work.resolve("no-such-task").resolve("status")))
                .as("a task that ended")
                .isZero();
    }

    @Test
    void theBudgetIsTwoPercentForTheStackAndHalfAPercentPerService() {
        assertThat(IdleCommand.withinBudget(
                        Map.of("order-service", 0.5, "PostgreSQL", 1.0, StackProcesses.LAUNCHER, 0.5)))
                .isTrue();
        assertThat(IdleCommand.withinBudget(Map.of("order-service", 0.51))).isFalse();
        // PostgreSQL and the launcher count in the total only
        assertThat(IdleCommand.withinBudget(Map.of("PostgreSQL", 1.9))).isTrue();
        assertThat(IdleCommand.withinBudget(Map.of("PostgreSQL", 1.9, "order-service", 0.2)))
                .isFalse();
    }

    @Test
    void withoutARunningStackItSaysSo() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = IdleCommand.run(
                new String[] {"--seconds=1"}, work, System.out, new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("no running local stack");
    }
}
