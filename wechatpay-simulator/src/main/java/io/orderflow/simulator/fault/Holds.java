package io.orderflow.simulator.fault;

import java.time.Duration;

/**
 * Answers held back by HOLD_RESPONSE: the call has taken effect at WeChat, and its answer waits here until a
 * test releases it (or the hold's longest wait passes). A test uses the pause to do something at exactly that
 * moment, such as killing the caller between WeChat's answer and its own commit, and counts the holds to show
 * that it happened.
 */
public class Holds {

    /** A hold never outlasts this unless the rule asks for longer: a forgotten release must not hang a test. */
    static final Duration DEFAULT_LONGEST = Duration.ofSeconds(60);

    private int waiting;

    private int total;

    private long releases;

    /** Blocks the calling request thread until {@link #releaseAll()} or until {@code longest} has passed. */
    public synchronized void hold(Duration longest) {
        Duration limit = longest.isZero() || longest.isNegative() ? DEFAULT_LONGEST : longest;
        long deadline = System.nanoTime() + limit.toNanos();
        long release = releases;
        waiting++;
        total++;
        try {
            for (long left = limit.toNanos(); releases == release && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            waiting--;
        }
    }

    /** Lets every held answer go. */
    public synchronized void releaseAll() {
        releases++;
        notifyAll();
    }

    /** Answers held right now. */
    public synchronized int waiting() {
        return waiting;
    }

    /** Answers held since the simulator started, released or not. */
    public synchronized int total() {
        return total;
    }
}
