package io.orderflow.payment.prepay;

import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.orderflow.events.JsapiPayParams;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.PaymentRequested;
import io.orderflow.events.PrepayFailed;
import io.orderflow.payment.work.WechatPayWork;
import io.orderflow.platform.wechatpay.Transactions;
import io.orderflow.platform.wechatpay.WechatPayRejected;
import io.orderflow.platform.wechatpay.WechatPayUnavailable;
import io.orderflow.platform.work.DueBatch;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker batch: claims due payments and prepays each at WeChat; the outcome and its event
 * commit together. A crash mid-call leaves the row due again, and the next attempt sends the
 * identical request, which WeChat answers with the same prepay_id.
 */
class PrepayAttempts {

    static final String PREPAY_UNAVAILABLE = "PREPAY_UNAVAILABLE";
    private static final String PREPAY_ID_PREFIX = "prepay_id=";
    private static final Logger log = LoggerFactory.getLogger(PrepayAttempts.class);

    private final Payments payments;
    private final WechatPayWork work;
    private final DueBatch<Payment> batch;

    PrepayAttempts(Payments payments, WechatPayWork work) {
        this.payments = payments;
        this.work = work;
        this.batch = work.batch("prepay", payments::claimDue, Payment::traceParent, this::attempt, this::failed);
    }

    /** Works one batch of due rows; returns how many were claimed. A row that throws fails alone (DueBatch). */
    int runBatch() {
        return batch.run();
    }

    private void failed(Payment payment, RuntimeException failure) {
        log.warn("prepay of order {} failed; the rest of its batch goes on", payment.orderId(), failure);
        retryLater(payment, WechatPayWork.failure(failure), work.clock().instant());
    }

    private void attempt(Payment payment) {
        Instant now = work.clock().instant();
        if (!payment.payableAt(now)) {
            expired(payment, now);
            return;
        }
        try {
            prepaid(payment, work.wechat().prepay(payment.prepayRequest()), now);
        } catch (WechatPayRejected e) {
            rejected(payment, e, now);
        } catch (WechatPayUnavailable e) {
            retryLater(payment, e, now);
        }
    }

    private void prepaid(Payment payment, PrepayWithRequestPaymentResponse params, Instant now) {
        String prepayId = params.getPackageVal().startsWith(PREPAY_ID_PREFIX)
                ? params.getPackageVal().substring(PREPAY_ID_PREFIX.length())
                : params.getPackageVal();
        if (prepayId.isBlank() || "null".equals(prepayId)) {
            // the SDK builds the package "prepay_id=null" from an answer without prepay_id, and signs it: pay params
            // that cannot pay. Failing the attempt retries it with backoff and counts it (orderflow.work.failures).
            throw new IllegalStateException(
                    "WeChat's prepay answer for order " + payment.orderId() + " carried no prepay_id");
        }
        Instant prepayExpiresAt = now.plus(work.settings().prepayValidity());
        Instant refreshAt = prepayExpiresAt.minus(work.settings().refreshLead());
        payments.prepaid(
                payment.orderId(),
                params,
                prepayId,
                prepayExpiresAt,
                payment.expireAt().isAfter(refreshAt) ? refreshAt : null);
        work.outbox()
                .append(new PaymentRequested(
                        payment.orderId(),
                        payment.mchid(),
                        payment.appid(),
                        prepayId,
                        new JsapiPayParams(
                                params.getAppId(),
                                params.getTimeStamp(),
                                params.getNonceStr(),
                                params.getPackageVal(),
                                params.getSignType(),
                                params.getPaySign()),
                        prepayExpiresAt,
                        now));
    }

    private void rejected(Payment payment, WechatPayRejected rejection, Instant now) {
        if (rejection.alreadyDone()) {
            // ORDERPAID / ORDER_PAID: what a prepay is for has happened (WechatPayCall.PREPAY)
            alreadyPaid(payment, now);
        } else if (payment.status() == PaymentStatus.PREPAID) {
            // the order has valid pay params until they expire; its fate is reconcile's (expiry, close)
            log.warn(
                    "refreshing the pay params of order {} was refused: {}", payment.orderId(), rejection.getMessage());
            payments.finish(payment.orderId(), PaymentStatus.PREPAID, rejection.getMessage());
        } else {
            payments.failed(payment.orderId(), rejection.getMessage());
            work.outbox()
                    .append(new PrepayFailed(
                            payment.orderId(),
                            payment.mchid(),
                            rejection.code(),
                            rejection.errorMessage(),
                            rejection.httpStatus(),
                            now));
        }
    }

    /**
     * WeChat says the order is paid: never PrepayFailed. The order is queried and what WeChat
     * answers is published as PaymentNotified with source PREPAY (ADR 0006); order-service
     * checks it like any other report, so a callback arriving too changes nothing.
     */
    private void alreadyPaid(Payment payment, Instant now) {
        try {
            Transaction order = work.wechat().queryOrder(payment.mchid(), payment.orderId());
            String tradeState =
                    order.getTradeState() == null ? null : order.getTradeState().name();
            payments.paidAtWechat(payment.orderId(), order.getTransactionId(), tradeState);
            work.outbox()
                    .append(Transactions.paymentNotified(order, payment.mchid(), NotificationSource.PREPAY, null, now));
            log.warn(
                    "order {} is already paid at WeChat (transaction {}, {}); published as PaymentNotified",
                    payment.orderId(),
                    order.getTransactionId(),
                    tradeState);
        } catch (WechatPayRejected | WechatPayUnavailable e) {
            retryLater(payment, e, now);
        }
    }

    private void expired(Payment payment, Instant now) {
        if (payment.status() == PaymentStatus.PREPAID) {
            payments.finish(payment.orderId(), PaymentStatus.PREPAID, null);
            return;
        }
        String message = "no prepay before the order expired at " + payment.timeExpire() + " after "
                + payment.attempts() + " failed attempts";
        payments.failed(payment.orderId(), message);
        work.outbox()
                .append(new PrepayFailed(payment.orderId(), payment.mchid(), PREPAY_UNAVAILABLE, message, null, now));
    }

    private void retryLater(Payment payment, RuntimeException failure, Instant now) {
        retryLater(payment, failure.getMessage(), now);
    }

    private void retryLater(Payment payment, String error, Instant now) {
        int attempts = payment.attempts() + 1;
        log.info(
                "prepay of order {} failed ({}); attempt {} failed, retrying later",
                payment.orderId(),
                error,
                attempts);
        payments.retryLater(payment.orderId(), attempts, work.retryAt(attempts, now), error);
    }
}
