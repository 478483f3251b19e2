package io.orderflow.systemtest;

import java.util.Map;

/**
 * Whether the measured window was at steady state: its two halves, split at the window's middle CPU
 * sample, compared in orders reaching SUCCESS per second and in server-side CPU (the four services,
 * the broker and PostgreSQL) per such order. Steady when the second half's figures are each within
 * {@link #TOLERANCE} of the first half's: a window still warming up (JIT, caches, pools) or drifting
 * into a backlog shows as a change between the halves, and its averages would mislead. The JIT
 * compilers can still be busy while both halves agree (they compile what the load reaches, at a
 * steady pace, for minutes on 2 shared cores), so the second half's JIT compiler threads must also
 * use less than {@link #JIT_LIMIT} of the server side's CPU.
 */
record LoadSteadiness(Half first, Half second) {

    static final double TOLERANCE = 0.10;
    static final double JIT_LIMIT = 0.05;

    /**
     * One half of the window: its length, the orders reaching SUCCESS in it, the server side's CPU in it and the part
     * of that CPU its JVMs' JIT compiler threads used.
     */
    record Half(double seconds, long succeeded, double serverCpuSeconds, double serverJitSeconds) {

        double jitShare() {
            return serverCpuSeconds > 0 ? serverJitSeconds / serverCpuSeconds : 0;
        }

        double ordersPerSecond() {
            return succeeded / seconds;
        }

        double serverCpuMsPerOrder() {
            return succeeded == 0 ? Double.NaN : serverCpuSeconds * 1e3 / succeeded;
        }
    }

    static LoadSteadiness of(LoadWindow window, LoadTimeline timeline) {
        return new LoadSteadiness(
                half(
                        window.startMicros,
                        window.middleMicros,
                        window.cpuSecondsFirstHalf(),
                        window.jitSecondsFirstHalf(),
                        timeline),
                half(
                        window.middleMicros,
                        window.endMicros,
                        window.cpuSecondsSecondHalf(),
                        window.jitSecondsSecondHalf(),
                        timeline));
    }

    private static Half half(
            long from, long to, Map<String, Double> cpuSeconds, Map<String, Double> jitSeconds, LoadTimeline timeline) {
        long succeeded = timeline.all().stream()
                .filter(o -> o.success >= from && o.success < to)
                .count();
        return new Half((to - from) / 1e6, succeeded, serverSide(cpuSeconds), serverSide(jitSeconds));
    }

    private static double serverSide(Map<String, Double> seconds) {
        return seconds.entrySet().stream()
                .filter(e -> LoadReport.serverSide(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** Second half against the first, as a fraction (+0.05 = 5 % more orders/s). */
    double rateChange() {
        return change(first.ordersPerSecond(), second.ordersPerSecond());
    }

    /** Second half's server-side CPU per order against the first's, as a fraction. */
    double cpuChange() {
        return change(first.serverCpuMsPerOrder(), second.serverCpuMsPerOrder());
    }

    /** Both within the tolerance and the JIT compilers (nearly) done; a half without completed orders is never steady. */
    boolean steady() {
        return Math.abs(rateChange()) < TOLERANCE && Math.abs(cpuChange()) < TOLERANCE && jitDone();
    }

    /** The second half's JIT compiler threads used less than {@link #JIT_LIMIT} of the server side's CPU. */
    boolean jitDone() {
        return second.jitShare() < JIT_LIMIT;
    }

    private static double change(double first, double second) {
        return first > 0 ? (second - first) / first : Double.NaN;
    }
}
