package io.orderflow.platform.work;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a service's workers on due rows are built from: the transactions, the settings, the clock the rows' due
 * times are written with and the meters. It makes their {@link DueBatch batches} and {@link DueWorker workers}
 * alike, so each worker only says which rows are due and what to do with one.
 */
public record DueWork(
        TransactionTemplate transactions, DueWorker.Settings settings, Clock clock, MeterRegistry meters) {

    /**
     * One batch of the worker {@code name}: up to the batch size of rows due now, each settled by {@code work}.
     *
     * @param claimDue locks up to the given number of rows due at the given instant, in the current transaction
     * @param failed records, logs and reschedules a row that threw (see {@link DueBatch})
     */
    public <T> DueBatch<T> batch(
            String name,
            BiFunction<Instant, Integer, List<T>> claimDue,
            Consumer<T> work,
            BiConsumer<T, RuntimeException> failed) {
        return new DueBatch<>(
                name,
                settings.batchSize(),
                transactions,
                meters,
                size -> claimDue.apply(clock.instant(), size),
                work,
                failed);
    }

    /** The worker {@code name}, running {@code batch} and, when idle, waiting until {@code nextDue}. */
    public DueWorker worker(String name, IntSupplier batch, Supplier<Optional<Instant>> nextDue) {
        return new DueWorker(name, settings, batch, nextDue, clock);
    }

    /** When to try a row again that has now failed {@code attempts} times ({@link DueWorker.Settings#backoff}). */
    public Instant retryAt(int attempts, Instant now) {
        return now.plus(settings.backoff(attempts));
    }
}
