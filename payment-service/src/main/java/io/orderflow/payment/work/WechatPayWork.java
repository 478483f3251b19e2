package io.orderflow.payment.work;

import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.tracing.TraceContinuation;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.work.DueBatch;
import io.orderflow.platform.work.DueWork;
import io.orderflow.platform.work.DueWorker;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * What payment-service's workers share (prepay and refund): each claims due rows of its {@link DueTable} in
 * batches, calls WeChat Pay for each row within the row's trace, and commits the outcome with its event in the
 * outbox; a row that failed is tried again after a backoff.
 */
public record WechatPayWork(
        WechatPayGateway wechat, Outbox outbox, WorkerProperties settings, TraceContinuation traces, DueWork due) {

    /**
     * One batch of the worker {@code name}: rows claimed as due now, each attempted within the trace it carries.
     *
     * @param claimDue the table's due rows at an instant, up to a number
     * @param failed records and logs a row that threw (see {@link DueBatch})
     */
    public <T> DueBatch<T> batch(
            String name,
            BiFunction<Instant, Integer, List<T>> claimDue,
            Function<T, String> traceParent,
            Consumer<T> attempt,
            BiConsumer<T, RuntimeException> failed) {
        return due.batch(
                name, claimDue, row -> traces.within(traceParent.apply(row), name, () -> attempt.accept(row)), failed);
    }

    /** The worker {@code name}, running {@code batch} and idle until the earliest row of {@code table} is due. */
    public DueWorker worker(String name, IntSupplier batch, DueTable table) {
        return due.worker(name, batch, table.earliest());
    }

    public Clock clock() {
        return due.clock();
    }

    /** When to try a row again that has now failed {@code attempts} times. */
    public Instant retryAt(int attempts, Instant now) {
        return due.retryAt(attempts, now);
    }

    /** The error recorded for a row that threw: {@code FAILED:<exception>: <message>}. */
    public static String failure(RuntimeException failure) {
        return "FAILED:" + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
