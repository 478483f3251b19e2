package io.orderflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;

/**
 * WeChat's clock for delayed work. Delays that belong to WeChat (callback retries, refund
 * processing) are multiplied by {@code simulator.time-scale} so tests run them in milliseconds.
 */
public class SimulatedTime implements DisposableBean {

    private final double scale;

    private final ScheduledExecutorService scheduler;

    private volatile Duration tradeOffset = Duration.ZERO;

    public SimulatedTime(double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("simulator.time-scale must be positive");
        }
        this.scale = scale;
        // two threads: delivery work is handed to its own executor, timers only need to fire
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "simulator-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Instant now() {
        return Instant.now();
    }

    /**
     * When a trade happens as WeChat records it (payment success, refund creation and completion):
     * now, shifted by {@link #shiftTrades(Duration)}. Signatures, timestamps and validity windows keep
     * the real clock; only the times that put trades on a bill's day move.
     */
    public Instant tradeNow() {
        return Instant.now().plus(tradeOffset);
    }

    /** Stamps later trades {@code offset} away from now (negative: in the past), for bills of other days. */
    public void shiftTrades(Duration offset) {
        this.tradeOffset = offset;
    }

    public Duration tradeOffset() {
        return tradeOffset;
    }

    public Duration scaled(Duration wechatDelay) {
        return Duration.ofNanos((long) (wechatDelay.toNanos() * scale));
    }

    /** Runs {@code task} after a WeChat-side delay, compressed by the time scale. */
    public ScheduledFuture<?> afterWechatDelay(Duration wechatDelay, Runnable task) {
        return after(scaled(wechatDelay), task);
    }

    /** Runs {@code task} after a delay the caller asked for explicitly, not scaled. */
    public ScheduledFuture<?> after(Duration delay, Runnable task) {
        return scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
