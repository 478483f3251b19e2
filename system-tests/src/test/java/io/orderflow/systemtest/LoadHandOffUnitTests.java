package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadHandOffUnitTests {

    @Test
    void aRoundTripCostsBothThreadsCpuAndIsAtLeastTwoSwitchesLong() {
        LoadHandOff.Cost cost = LoadHandOff.round(2_000);

        assertThat(cost.roundTrips()).isEqualTo(2_000);
        // each round trip waits for the other thread to run: never free, and never longer than a millisecond here
        assertThat(cost.wallMicros()).isPositive().isLessThan(1_000);
        assertThat(cost.cpuMicros()).isPositive();
        assertThat(cost.cpuMicrosPerSwitch()).isEqualTo(cost.cpuMicros() / 2);
    }

    @Test
    void aThreadsSwitchesAreItsVoluntaryAndInvoluntaryOnesAndAGoneThreadHasNone(@TempDir Path directory)
            throws Exception {
        Path status = directory.resolve("status");
        Files.writeString(status, """
                Name:\tkafka-producer-
                State:\tS (sleeping)
                voluntary_ctxt_switches:\t1200
                nonvoluntary_ctxt_switches:\t34
                """);

        assertThat(LoadCpu.switches(status)).isEqualTo(1_234);
        assertThat(LoadCpu.switches(directory.resolve("gone"))).isZero();
    }

    @Test
    void thisThreadsOwnSwitchesAreReadFromProc() {
        Path self = Path.of("/proc/thread-self/status");

        long before = LoadCpu.switches(self);
        LoadHandOff.round(100);

        // a hundred round trips put this thread to sleep about a hundred times
        assertThat(LoadCpu.switches(self)).isGreaterThanOrEqualTo(before + 50);
    }
}
