package io.orderflow.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed launcher left running is stopped by the next run; a stack whose launcher lives is left alone. */
class StackProcessesUnitTests {

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theServicesAndPostgresqlOfAKilledLauncherAreStoppedBeforeTheNextRun() throws IOException {
        Process service = process();
        Process postgres = process();
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("order-service", service.pid());
        pids.put(StackProcesses.POSTGRES, postgres.pid());
        new StackProcesses(pids).write(work);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        StackProcesses.read(work)
                .orElseThrow()
                .stopOrphans(new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ofSeconds(10));

        assertThat(service.isAlive()).isFalse();
        assertThat(postgres.isAlive()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("its launcher was killed");
        assertThat(StackProcesses.read(work)).as("nothing of it is left").isEmpty();
    }

    @Test
    void aStackWhoseLauncherStillRunsIsRefusedAndLeftRunning() throws IOException {
        Process launcher = process();
        Process service = process();
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(StackProcesses.LAUNCHER, launcher.pid());
        pids.put("order-service", service.pid());
        new StackProcesses(pids).write(work);

        assertThatThrownBy(() -> StackProcesses.read(work)
                        .orElseThrow()
                        .stopOrphans(
                                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                                Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already runs from this work directory (launcher pid " + launcher.pid());
        assertThat(launcher.isAlive()).isTrue();
        assertThat(service.isAlive()).isTrue();
    }

    private Process process() throws IOException {
        Process process = new ProcessBuilder("sleep", "600").start();
        started.add(process);
        return process;
    }
}
