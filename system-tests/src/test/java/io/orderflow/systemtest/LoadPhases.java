package io.orderflow.systemtest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The phases of a load run in time: warm-up, the measured window (with its middle sample for the
 * steady-state check), the drain, and the idle measurement after it.
 */
final class LoadPhases {

    private LoadPhases() {}

    /**
     * Warm-up, then the window, paced by a sampler that ticks every half second (and samples thread
     * CPU); phases start by elapsed time, so a late tick only delays the next boundary a little.
     * Answers when the load started.
     */
    static long measure(
            LoadSettings settings,
            LoadGenerator load,
            LoadWindow window,
            LoadThreadCpu threads,
            LoadStatements statements)
            throws Exception {
        ScheduledExecutorService sampler = sampler();
        CompletableFuture<Long> ended = new CompletableFuture<>();
        long loadStart = LoadTimeline.now();
        long warmup = settings.warmupSeconds() * 1_000_000L;
        long length = settings.windowSeconds() * 1_000_000L;
        load.start();
        sampler.scheduleAtFixedRate(
                () -> {
                    if (ended.isDone()) {
                        return;
                    }
                    try {
                        threads.sample();
                        long now = LoadTimeline.now();
                        if (window.startMicros == 0 && now - loadStart >= warmup) {
                            window.begin();
                            statements.begin();
                        } else if (window.startMicros != 0
                                && window.middleMicros == 0
                                && now - window.startMicros >= length / 2) {
                            window.middle();
                        } else if (window.middleMicros != 0 && now - window.startMicros >= length) {
                            window.end();
                            statements.end();
                            ended.complete(loadStart);
                        }
                    } catch (RuntimeException e) {
                        ended.completeExceptionally(e);
                    }
                },
                500,
                500,
                TimeUnit.MILLISECONDS);
        try {
            return ended.get(settings.warmupSeconds() + settings.windowSeconds() + 120L, TimeUnit.SECONDS);
        } finally {
            sampler.shutdownNow();
        }
    }

    /** The system with no load at all, warmed up (after the drain): what its pollers and housekeeping cost. */
    static void idle(LoadSettings settings, LoadWindow idle) throws Exception {
        ScheduledExecutorService sampler = sampler();
        try {
            idle.begin();
            sampler.schedule(idle::end, settings.idleSeconds(), TimeUnit.SECONDS)
                    .get();
        } finally {
            sampler.shutdownNow();
        }
    }

    /** Waits until every created order has reached SUCCESS, or the drain time is up. */
    static void drain(LoadTimeline timeline, int seconds) {
        try {
            Awaitility.await("every created order SUCCESS")
                    .atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> timeline.backlogAt(Long.MAX_VALUE) == 0);
        } catch (ConditionTimeoutException e) {
            System.out.println("drain: " + timeline.backlogAt(Long.MAX_VALUE) + " orders still not SUCCESS after "
                    + seconds + " s (reported as such)");
        }
    }

    private static ScheduledExecutorService sampler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-sampler");
            thread.setDaemon(true);
            return thread;
        });
    }
}
