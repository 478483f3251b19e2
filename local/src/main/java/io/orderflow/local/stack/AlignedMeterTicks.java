package io.orderflow.local.stack;

import com.yammer.metrics.core.MetricsRegistry;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One schedule for the in-JVM broker's meter ticks. Kafka keeps its request and topic rates in Yammer meters
 * (metrics-core 2.2), and every meter schedules its own tick every 5 s on its registry's {@code meter-tick} pool.
 * Made at different moments, the broker's meters tick at as many different moments: in an idle local stack that
 * pool's two threads woke 34 times a second. Put in the registry's place for that pool before the broker makes
 * its meters, this executor starts every fixed-rate schedule at the next multiple of its period, so the meters
 * tick together, one wake-up every 5 s. What a meter computes is unchanged (its rates still decay over 5 s ticks);
 * only the phase of its ticks moves, by less than one period. The local stack's broker only: a broker in
 * production is Kafka's own process (ADR 0021).
 */
final class AlignedMeterTicks extends ScheduledThreadPoolExecutor {

    /** The name metrics-core 2.2 gives the pool its meters tick on ({@code MetricsRegistry.newMeterTickThreadPool}). */
    static final String POOL = "meter-tick";

    AlignedMeterTicks() {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, "metrics-meter-tick-aligned");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return super.scheduleAtFixedRate(
                command,
                alignedDelayNanos(System.nanoTime(), unit.toNanos(initialDelay), unit.toNanos(period)),
                unit.toNanos(period),
                TimeUnit.NANOSECONDS);
    }

    /**
     * The delay from {@code now} to the first multiple of {@code period} (on {@link System#nanoTime()}'s scale, the
     * same for every schedule in this JVM) at or after {@code now + initialDelay}.
     */
    static long alignedDelayNanos(long now, long initialDelay, long period) {
        if (period <= 0) {
            return initialDelay;
        }
        long first = now + initialDelay;
        return first + Math.floorMod(-first, period) - now;
    }

    /**
     * Makes {@code registry} create its meters' ticks on a new {@code AlignedMeterTicks}; meters it made before keep
     * theirs. Empty when metrics-core's internals are not as expected (the broker then ticks on its own pool).
     */
    static Optional<AlignedMeterTicks> install(MetricsRegistry registry) {
        try {
            Field pools = MetricsRegistry.class.getDeclaredField("threadPools");
            pools.setAccessible(true);
            Object threadPools = pools.get(registry);
            Field byName = threadPools.getClass().getDeclaredField("threadPools");
            byName.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, Object> executors = (Map<String, Object>) byName.get(threadPools);
            AlignedMeterTicks ticks = new AlignedMeterTicks();
            executors.put(POOL, ticks);
            return Optional.of(ticks);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
