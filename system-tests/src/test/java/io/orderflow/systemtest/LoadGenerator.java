package io.orderflow.systemtest;

/** The offered load of a run: shop clients in a closed loop ({@link LoadDriver}) or on a schedule ({@link OpenLoopDriver}). */
interface LoadGenerator {

    void start();

    /** Stops offering load and waits for the calls in flight to finish (each waits at most 10 s for pay params). */
    void stop() throws InterruptedException;
}
