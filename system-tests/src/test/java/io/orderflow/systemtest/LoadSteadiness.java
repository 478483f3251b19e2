package io.orderflow.systemtest;

import java.util.Map;

/**
 * Whether the measured window was at steady state: its two halves, split at the window's middle CPU
 * sample, compared in orders reaching SUCCESS per second and in server-side CPU (the four services,
 * the broker and PostgreSQL) per such order. Steady when the second half's figures are each within
 * {@link #TOLERANCE} of the first half's: a window still warming up (JIT, caches, pools) or drifting
 * into a backlog shows as a change between the halves, and its averages would mislead.
 */
record LoadSteadiness(Half first, Half second) {

    static final double TOLERANCE = 0.10;

    /** One half of the window: its length, the orders reaching SUCCESS in it and the server side's CPU in it. */
    record Half(double seconds, long succeeded, double serverCpuSeconds) {

        double ordersPerSecond() {
            return succeeded / seconds;
        }

        double serverCpuMsPerOrder() {
            return succeeded == 0 ? Double.NaN : serverCpuSeconds * 1e3 / succeeded;
        }
    }

    static LoadSteadiness of(LoadWindow window, LoadTimeline timeline) {
        return new LoadSteadiness(
                half(window.startMicros, window.middleMicros, window.cpuSecondsFirstHalf(), timeline),
                half(window.middleMicros, window.endMicros, window.cpuSecondsSecondHalf(), timeline));
    }

    private static Half half(long from, long to, Map<String, Double> cpuSeconds, LoadTimeline timeline) {
        long succeeded = timeline.all().stream().filter(o -> o.success >= from && o.success < to).count();
        double serverCpu = cpuSeconds.entrySet().stream().filter(e -> LoadReport.serverSide(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        return new Half((to - from) / 1e6, succeeded, serverCpu);
    }

    /** Second half against the first, as a fraction (+0.05 = 5 % more orders/s). */
    double rateChange() {
        return change(first.ordersPerSecond(), second.ordersPerSecond());
    }

    /** Second half's server-side CPU per order against the first's, as a fraction. */
    double cpuChange() {
        return change(first.serverCpuMsPerOrder(), second.serverCpuMsPerOrder());
    }

    /** Both within the tolerance; a half without completed orders is never steady. */
    boolean steady() {
        return Math.abs(rateChange()) < TOLERANCE && Math.abs(cpuChange()) < TOLERANCE;
    }

    private static double change(double first, double second) {
        return first > 0 ? (second - first) / first : Double.NaN;
    }
}
