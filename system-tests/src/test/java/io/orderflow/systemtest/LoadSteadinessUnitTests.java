package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LoadSteadinessUnitTests {

    @Test
    void isSteadyWhenBothHalvesAgreeWithinTenPercent() {
        LoadSteadiness steadiness = new LoadSteadiness(half(10, 250, 16.0), half(10, 260, 17.0));

        assertThat(steadiness.rateChange()).isCloseTo(0.04, within());
        assertThat(steadiness.cpuChange()).isCloseTo(17.0 / 260 / (16.0 / 250) - 1, within());
        assertThat(steadiness.steady()).isTrue();
    }

    @Test
    void isNotSteadyWhenTheSecondHalfCompletesElevenPercentFewerOrders() {
        LoadSteadiness steadiness = new LoadSteadiness(half(10, 250, 16.0), half(10, 222, 14.208));

        assertThat(steadiness.rateChange()).isCloseTo(-0.112, within());
        assertThat(steadiness.cpuChange()).isCloseTo(0.0, within());
        assertThat(steadiness.steady()).isFalse();
    }

    @Test
    void isNotSteadyWhenServerCpuPerOrderFallsAsTheJitWarmsUp() {
        LoadSteadiness steadiness = new LoadSteadiness(half(10, 250, 25.0), half(10, 250, 20.0));

        assertThat(steadiness.rateChange()).isCloseTo(0.0, within());
        assertThat(steadiness.cpuChange()).isCloseTo(-0.20, within());
        assertThat(steadiness.steady()).isFalse();
    }

    @Test
    void comparesRatesNotCountsWhenTheHalvesDifferInLength() {
        LoadSteadiness steadiness = new LoadSteadiness(half(10, 250, 16.0), half(10.5, 262, 16.8));

        assertThat(steadiness.second().ordersPerSecond()).isCloseTo(262 / 10.5, within());
        assertThat(steadiness.steady()).isTrue();
    }

    @Test
    void isNeverSteadyWithoutCompletedOrdersInAHalf() {
        assertThat(new LoadSteadiness(half(10, 0, 3.0), half(10, 0, 3.0)).steady())
                .isFalse();
        assertThat(new LoadSteadiness(half(10, 250, 16.0), half(10, 0, 3.0)).steady())
                .isFalse();
    }

    @Test
    void isNotSteadyWhileTheJitCompilersStillUseFivePercentOfTheServerCpu() {
        LoadSteadiness compiling = new LoadSteadiness(
                new LoadSteadiness.Half(10, 250, 16.0, 1.0), new LoadSteadiness.Half(10, 250, 16.0, 0.8));
        LoadSteadiness compiled = new LoadSteadiness(
                new LoadSteadiness.Half(10, 250, 16.0, 1.0), new LoadSteadiness.Half(10, 250, 16.0, 0.79));

        assertThat(compiling.rateChange()).isCloseTo(0.0, within());
        assertThat(compiling.cpuChange()).isCloseTo(0.0, within());
        assertThat(compiling.steady()).isFalse();
        assertThat(compiled.steady()).isTrue();
    }

    private static LoadSteadiness.Half half(double seconds, long succeeded, double serverCpuSeconds) {
        return new LoadSteadiness.Half(seconds, succeeded, serverCpuSeconds, 0);
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-9);
    }
}
