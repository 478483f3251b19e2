package io.orderflow.systemtest;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The offered load as an open loop: creates due at a fixed rate, whatever the answers do. A scheduler
 * hands each due create to a pool of caller threads; the shops take turns. A closed loop slows down
 * when the system does and so hides its queueing (coordinated omission); here every create counts
 * from the instant it was due, so a call sent late (all callers busy, or this JVM short of CPU) shows
 * its wait in the latency, and the timeline notes how late each one was sent.
 */
final class OpenLoopDriver implements LoadGenerator {

    /** The n-th create (from 0), due at {@code scheduledMicros}: the shop call, noted in the timeline. */
    interface Create {
        void call(long n, long scheduledMicros);
    }

    private final LoadTimeline timeline;
    private final Create create;
    private final long periodNanos;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(named("load-scheduler"));
    private final ThreadPoolExecutor callers;
    private final AtomicLong due = new AtomicLong();
    private long startMicros;

    /** {@code rate} creates per second, made by up to {@code threads} calls at a time. */
    OpenLoopDriver(LoadTimeline timeline, double rate, int threads, Create create) {
        this.timeline = timeline;
        this.create = create;
        this.periodNanos = Math.round(1e9 / rate);
        // unbounded queue: a create that finds every caller busy waits for one, and is counted as sent late
        this.callers = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("load-open-caller"));
    }

    @Override
    public void start() {
        startMicros = LoadTimeline.now();
        // at a fixed rate: a tick that runs late is followed by the missed ones at once, so none is dropped
        scheduler.scheduleAtFixedRate(this::issueNext, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** The next create, due at start + n periods (not at now: the scheduler thread may run late). */
    private void issueNext() {
        long n = due.getAndIncrement();
        callers.execute(new ScheduledCreate(n, startMicros + n * periodNanos / 1000));
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        callers.shutdown();
        if (!callers.awaitTermination(60, TimeUnit.SECONDS)) {
            for (Runnable neverSent : callers.shutdownNow()) {
                timeline.issued(((ScheduledCreate) neverSent).scheduled, 0);
            }
        }
    }

    /** Creates due so far (each handed to a caller, whether or not one was free). */
    long due() {
        return due.get();
    }

    /** A create with the instant it was due. */
    private final class ScheduledCreate implements Runnable {

        private final long n;
        private final long scheduled;

        ScheduledCreate(long n, long scheduled) {
            this.n = n;
            this.scheduled = scheduled;
        }

        @Override
        public void run() {
            timeline.issued(scheduled, LoadTimeline.now());
            create.call(n, scheduled);
        }
    }

    /** Daemon threads named "load-…", which the report counts with the shop clients. */
    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
