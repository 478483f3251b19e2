package io.orderflow.systemtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What one hand-off between threads costs on this machine: two threads wake each other in turn ({@link LockSupport},
 * a futex, as a Kafka client's, a connection pool's or a socket reader's threads do), each sleeping until the other
 * wakes it. Every statement to PostgreSQL, record through the broker and request between processes pays a few of
 * these; unlike the cryptography they are priced by the kernel and the hypervisor (a virtual machine's context switch
 * can cost several times a bare one), so this figure says how much of a run's CPU per order the machine, not the
 * code, decided. Timed in the benchmark JVM after the drain and idle, like the cryptography floor.
 */
final class LoadHandOff {

    /** One measurement: wall and CPU (both threads') microseconds per round trip, two context switches each. */
    record Cost(double wallMicros, double cpuMicros, int roundTrips) {

        /** CPU microseconds of one switch, half a round trip. */
        double cpuMicrosPerSwitch() {
            return cpuMicros / 2;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 5;

    private LoadHandOff() {}

    /** The round with the median CPU per round trip of five, after one round of warm-up. */
    static Cost measure(int roundTrips) {
        round(roundTrips);
        List<Cost> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(round(roundTrips));
        }
        rounds.sort(Comparator.comparingDouble(Cost::cpuMicros));
        return rounds.get(ROUNDS / 2);
    }

    static Cost round(int roundTrips) {
        AtomicInteger turn = new AtomicInteger();
        Thread caller = Thread.currentThread();
        long[] echoCpu = new long[1];
        Thread echo = new Thread(
                () -> {
                    long start = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; i < roundTrips; i++) {
                        while (turn.get() != 2 * i + 1) {
                            LockSupport.park(turn);
                        }
                        turn.set(2 * i + 2);
                        LockSupport.unpark(caller);
                    }
                    echoCpu[0] = THREADS.getCurrentThreadCpuTime() - start;
                },
                "hand-off-echo");
        echo.setDaemon(true);
        echo.start();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < roundTrips; i++) {
            turn.set(2 * i + 1);
            LockSupport.unpark(echo);
            while (turn.get() != 2 * i + 2) {
                LockSupport.park(turn);
            }
        }
        wall = System.nanoTime() - wall;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        try {
            echo.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing hand-offs", e);
        }
        return new Cost(wall / 1e3 / roundTrips, (cpu + echoCpu[0]) / 1e3 / roundTrips, roundTrips);
    }

    /** The report's section: the cost, and what the window's context switches would cost at it. */
    static String text(Cost cost, LoadReport r) {
        if (r.completedInWindow == 0) {
            return "";
        }
        double server = r.serverSwitchesPerOrder();
        return LoadReport.format(
                "MACHINE: a hand-off between two threads (each wakes the other, LockSupport; median of %d rounds of %,d"
                        + " round trips, after the drain)%n"
                        + "  %.1f µs wall, %.1f µs CPU per round trip (two context switches): %.1f µs CPU a switch%n"
                        + "  server side: %.0f context switches per order; at %.1f µs each, about %.1f ms of its %.2f ms"
                        + " CPU per order%n%n",
                ROUNDS,
                cost.roundTrips(),
                cost.wallMicros(),
                cost.cpuMicros(),
                cost.cpuMicrosPerSwitch(),
                server,
                cost.cpuMicrosPerSwitch(),
                server * cost.cpuMicrosPerSwitch() / 1e3,
                r.serverCpuMsPerOrder());
    }
}
