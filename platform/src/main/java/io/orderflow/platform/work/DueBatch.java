package io.orderflow.platform.work;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One batch of claimed rows in one transaction, where one bad row cannot hold back the others. The batch runs
 * whole first, without savepoints, so the common case costs nothing extra. When a row throws, that transaction
 * rolls back and the batch is claimed and run again with each row in its own savepoint: the rows that work
 * commit; a row that throws again is rolled back alone, counted in {@value #FAILURES} (by worker and exception)
 * and handed to the caller's {@code failed}, which pushes it back with backoff in the same transaction. Rows
 * may thus be worked twice when a batch falls back, so work must be safe to repeat (it is: WeChat calls are
 * idempotent, and nothing of the first run committed, though its log lines and meters stay: a timer closed at
 * WeChat in the first run is found closed in the second).
 *
 * @param <T> a claimed row
 */
public class DueBatch<T> {

    /** Rows that threw while being worked, tagged {@code worker} and {@code reason} (the exception's simple name). */
    public static final String FAILURES = "orderflow.work.failures";

    private static final Logger log = LoggerFactory.getLogger(DueBatch.class);

    private final String worker;
    private final int size;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final MeterRegistry meters;
    private final IntFunction<List<T>> claim;
    private final Consumer<T> work;
    private final BiConsumer<T, RuntimeException> failed;

    /**
     * @param claim locks up to the given number of due rows inside the current transaction
     * @param work settles one row inside the current transaction
     * @param failed records, inside the current transaction, that the row threw and when to try it again, and
     *     logs it (with the row's id: rows may hold personal data, so this class never prints one)
     */
    public DueBatch(
            String worker,
            int size,
            TransactionTemplate transactions,
            MeterRegistry meters,
            IntFunction<List<T>> claim,
            Consumer<T> work,
            BiConsumer<T, RuntimeException> failed) {
        this.worker = worker;
        this.size = size;
        this.transactions = transactions;
        this.savepoints = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.meters = meters;
        this.claim = claim;
        this.work = work;
        this.failed = failed;
    }

    /** Works one batch; answers how many rows were claimed (the second run's count after a fall-back). */
    public int run() {
        try {
            return inTransaction(due -> due.forEach(work));
        } catch (RuntimeException first) {
            log.info("{} batch failed ({}); working its rows one by one", worker, first.toString());
            return inTransaction(due -> due.forEach(this::isolated));
        }
    }

    private int inTransaction(Consumer<List<T>> each) {
        Integer claimed = transactions.execute(status -> {
            List<T> due = claim.apply(size);
            each.accept(due);
            return due.size();
        });
        return claimed == null ? 0 : claimed;
    }

    private void isolated(T row) {
        try {
            savepoints.executeWithoutResult(status -> work.accept(row));
        } catch (RuntimeException e) {
            meters.counter(FAILURES, "worker", worker, "reason", e.getClass().getSimpleName())
                    .increment();
            failed.accept(row, e);
        }
    }
}
