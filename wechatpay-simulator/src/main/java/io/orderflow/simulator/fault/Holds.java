package io.orderflow.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls held by HOLD_REQUEST (before they take effect) and HOLD_RESPONSE (after, their answer held back): each
 * waits here, under its path, until a test releases it or the hold's longest wait passes. A test uses the pause
 * to act at exactly that moment (a payer paying while WeChat holds a close, the caller killed between WeChat's
 * change and its own commit) and counts the holds to show that it happened.
 */
public class Holds {

    /** A hold never outlasts this unless the rule asks for longer: a forgotten release must not hang a test. */
    static final Duration DEFAULT_LONGEST = Duration.ofSeconds(60);

    /** One held call. */
    private static final class Held {

        private final String path;

        private boolean released;

        Held(String path) {
            this.path = path;
        }
    }

    private final List<Held> held = new ArrayList<>();

    private int total;

    /** Blocks the calling request thread until the call is released or {@code longest} has passed. */
    public synchronized void hold(String path, Duration longest) {
        Duration limit = longest.isZero() || longest.isNegative() ? DEFAULT_LONGEST : longest;
        long deadline = System.nanoTime() + limit.toNanos();
        Held call = new Held(path);
        held.add(call);
        total++;
        try {
            for (long left = limit.toNanos(); !call.released && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            held.remove(call);
        }
    }

    /** Lets the calls held under {@code path} go. */
    public synchronized void release(String path) {
        held.stream().filter(call -> call.path.equals(path)).forEach(call -> call.released = true);
        notifyAll();
    }

    /** Lets every held call go. */
    public synchronized void releaseAll() {
        held.forEach(call -> call.released = true);
        notifyAll();
    }

    /** The paths of the calls held right now, oldest first. */
    public synchronized List<String> waiting() {
        return held.stream()
                .filter(call -> !call.released)
                .map(call -> call.path)
                .toList();
    }

    /** Calls held since the simulator started, released or not. */
    public synchronized int total() {
        return total;
    }
}
