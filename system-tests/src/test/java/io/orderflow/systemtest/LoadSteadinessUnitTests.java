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
        assertThat(new LoadSteadiness(half(10, 0, 3.0), half(10, 0, 3.0)).steady()).isFalse();
        assertThat(new LoadSteadiness(half(10, 250, 16.0), half(10, 0, 3.0)).steady()).isFalse();
    }

    private static LoadSteadiness.Half half(double seconds, long succeeded, double serverCpuSeconds) {
        return new LoadSteadiness.Half(seconds, succeeded, serverCpuSeconds);
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-9);
    }
}
