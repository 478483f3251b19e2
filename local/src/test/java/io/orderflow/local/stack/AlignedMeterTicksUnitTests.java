package io.orderflow.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.yammer.metrics.core.MetricsRegistry;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AlignedMeterTicksUnitTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void schedulesMadeAtDifferentMomentsFirstRunAtTheSameMultipleOfTheirPeriod() {
        long madeEarly = 1_234_000_000L;
        long madeLater = 3_000_000_000L;
        long early = AlignedMeterTicks.alignedDelayNanos(madeEarly, 5 * SECOND, 5 * SECOND);
        long later = AlignedMeterTicks.alignedDelayNanos(madeLater, 5 * SECOND, 5 * SECOND);
        assertThat(madeEarly + early).isEqualTo(10 * SECOND);
        assertThat(madeLater + later).isEqualTo(10 * SECOND);
    }

    @Test
    void aScheduleDueOnAMultipleKeepsItsTimeAndNoneStartsEarly() {
        assertThat(AlignedMeterTicks.alignedDelayNanos(5 * SECOND, 5 * SECOND, 5 * SECOND))
                .isEqualTo(5 * SECOND);
        assertThat(AlignedMeterTicks.alignedDelayNanos(-7 * SECOND, 5 * SECOND, 5 * SECOND))
                .isEqualTo(7 * SECOND);
        assertThat(AlignedMeterTicks.alignedDelayNanos(0, 3, 0)).isEqualTo(3);
    }

    @Test
    void aRegistryWithItInstalledTicksEveryMeterOnItAtAMultipleOfFiveSeconds() {
        MetricsRegistry registry = new MetricsRegistry();
        AlignedMeterTicks ticks = AlignedMeterTicks.install(registry).orElseThrow();
        try {
            registry.newMeter(AlignedMeterTicksUnitTests.class, "first", "requests", TimeUnit.SECONDS);
            registry.newMeter(AlignedMeterTicksUnitTests.class, "second", "requests", TimeUnit.SECONDS);
            assertThat(ticks.getQueue()).hasSize(2);
            for (Runnable task : ticks.getQueue()) {
                long due = System.nanoTime() + ((Delayed) task).getDelay(TimeUnit.NANOSECONDS);
                // metrics-core alone would tick each 5 s after it was made, at any phase
                long offMultiple = Math.floorMod(due + SECOND / 2, 5 * SECOND) - SECOND / 2;
                assertThat(Math.abs(offMultiple)).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } finally {
            registry.shutdown();
            ticks.shutdownNow();
        }
    }
}
