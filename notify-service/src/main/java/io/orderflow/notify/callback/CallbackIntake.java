package io.orderflow.notify.callback;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a WeChat Pay callback: verify and decrypt, then keep it raw by its notification
 * id and append its event in one transaction. A notification id seen before is a no-op, so
 * WeChat's retries and duplicates are answered with success and change nothing.
 */
public class CallbackIntake {

    private static final Logger log = LoggerFactory.getLogger(CallbackIntake.class);

    /** What happened to an accepted callback. */
    public enum Outcome {
        RECORDED,
        DUPLICATE
    }

    private final CallbackVerifier verifier;
    private final InboundCallbacks inbox;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final VerificationFailures failures;

    CallbackIntake(
            CallbackVerifier verifier,
            InboundCallbacks inbox,
            Outbox outbox,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock,
            VerificationFailures failures) {
        this.verifier = verifier;
        this.inbox = inbox;
        this.outbox = outbox;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
        this.failures = failures;
    }

    /**
     * @throws CallbackRejected when the callback is not WeChat Pay's (answer 401)
     * @throws RuntimeException anything else: answer 500 so that WeChat retries
     */
    public Outcome receive(RawCallback callback) {
        try {
            Outcome outcome = accept(callback);
            meters.counter("orderflow.notify.callbacks", "kind", callback.kind().name(), "outcome", outcome.name())
                    .increment();
            return outcome;
        } catch (CallbackRejected e) {
            meters.counter("orderflow.notify.callbacks.rejected", "reason", e.reason())
                    .increment();
            if (countFailure(callback, e)) {
                // a flood must not become a flood of log lines: the flush logs one line per source
                log.debug("callback for merchant {} rejected: {} ({})", callback.mchid(), e.reason(), e.getMessage());
            } else {
                log.warn("callback for merchant {} rejected: {} ({})", callback.mchid(), e.reason(), e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Counts the failure towards a burst alert; true when it was counted. A failure to count must not change
     * the answer (401).
     */
    private boolean countFailure(RawCallback callback, CallbackRejected rejected) {
        try {
            return failures.failed(callback, rejected.reason());
        } catch (RuntimeException e) {
            log.error("failed verification from {} not counted", callback.remoteAddress(), e);
            return false;
        }
    }

    private Outcome accept(RawCallback callback) {
        Instant now = clock.instant();
        if (callback.kind() == CallbackKind.TRANSACTION) {
            Transaction transaction = verifier.verify(callback, Transaction.class);
            return record(
                    callback,
                    transaction.getOutTradeNo(),
                    null,
                    id -> CallbackTranslation.payment(callback.mchid(), id, transaction, now));
        }
        RefundNotification refund = verifier.verify(callback, RefundNotification.class);
        return record(
                callback,
                refund.getOutTradeNo(),
                refund.getOutRefundNo(),
                id -> CallbackTranslation.refund(callback.mchid(), id, refund, now));
    }

    /** Records the verified callback and appends the event it means ({@code translation} of its envelope's id). */
    private Outcome record(
            RawCallback callback, String orderId, String outRefundNo, Function<String, OrderflowEvent> translation) {
        Envelope envelope = Envelope.of(callback.body());
        OrderflowEvent event = translation.apply(envelope.id());
        return transactions.execute(status -> {
            if (!inbox.add(callback, envelope, orderId, outRefundNo)) {
                log.info("callback {} for order {} seen before; nothing changes", envelope.id(), orderId);
                return Outcome.DUPLICATE;
            }
            outbox.append(event);
            return Outcome.RECORDED;
        });
    }
}
