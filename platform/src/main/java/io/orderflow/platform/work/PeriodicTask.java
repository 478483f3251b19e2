package io.orderflow.platform.work;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.context.SmartLifecycle;

/**
 * One task run every {@code interval} on one daemon thread, from when the application context has started until
 * it stops. As a lifecycle it never runs while beans are still being made, so never before Flyway has migrated.
 * Runs never overlap (the next starts one interval after the last ended); a run that throws goes to the failure
 * handler, which logs it (or knowingly does not), and the schedule goes on.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final long FLUSH_GRACE_SECONDS = 10;

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final Consumer<RuntimeException> failed;
    private final boolean flushes;
    private ScheduledExecutorService scheduler;

    private PeriodicTask(
            String name, Duration interval, Runnable task, Consumer<RuntimeException> failed, boolean flushes) {
        this.name = name;
        this.interval = interval;
        this.task = task;
        this.failed = failed;
        this.flushes = flushes;
    }

    /**
     * A task that refreshes or cleans up: it runs at start and then every interval; a stop interrupts a run in
     * progress.
     *
     * @param name the thread's name
     * @param failed what to do with the exception of a run that failed
     */
    public static PeriodicTask refreshing(
            String name, Duration interval, Runnable task, Consumer<RuntimeException> failed) {
        return new PeriodicTask(name, interval, task, failed, false);
    }

    /**
     * A task that flushes what has accumulated: it runs one interval after start and then every interval; a stop
     * lets a run in progress finish (for up to 10 s) and runs the task once more, so nothing is left behind.
     *
     * @param name the thread's name
     * @param failed what to do with the exception of a run that failed
     */
    public static PeriodicTask flushing(
            String name, Duration interval, Runnable task, Consumer<RuntimeException> failed) {
        return new PeriodicTask(name, interval, task, failed, true);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, flushes ? millis : 0, millis, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running == null) {
            return;
        }
        if (!flushes) {
            running.shutdownNow();
            return;
        }
        running.shutdown();
        try {
            running.awaitTermination(FLUSH_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runOnce();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
