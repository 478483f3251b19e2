package io.orderflow.order.bench;

import io.orderflow.platform.test.PostgresCpu;
import java.lang.management.ManagementFactory;

/**
 * CPU time spent by this JVM and by the benchmark's PostgreSQL server ({@link PostgresCpu}). On a machine shared
 * with other work, throughput mostly measures the neighbours; CPU time per creation measures the service's own
 * cost, which is what the limits add to.
 */
final class CpuMeter {

    private final PostgresCpu postgres;

    /** @param backendPid the pid of any connection's backend process of the server ({@code pg_backend_pid()}) */
    CpuMeter(long backendPid) {
        this.postgres = PostgresCpu.ofBackend(backendPid);
    }

    /** CPU nanoseconds so far: [JVM, PostgreSQL]. */
    long[] sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new long[] {jvm, postgres.nanos()};
    }
}
