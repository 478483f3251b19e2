package io.orderflow.order.order.usecase;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on a signal. */
final class Waiting {

    private Waiting() {}

    /** Returns when the signal completes or the time is up, whichever comes first. */
    static void upTo(CompletableFuture<?> signal, Duration time) {
        try {
            signal.get(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // time is up: the caller polls the database
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pay params", e);
        }
    }
}
