package io.orderflow.payment.prepay;

import io.orderflow.events.OrderCreated;
import io.orderflow.platform.tracing.TraceContinuation;
import io.orderflow.platform.wechatpay.MerchantClients;
import io.orderflow.platform.wechatpay.WechatPayClients;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the intent to prepay an order, inside the consumer's transaction and without
 * calling WeChat: the worker does that once the row is committed.
 */
public class Prepayments {

    private static final Logger log = LoggerFactory.getLogger(Prepayments.class);

    private final WechatPayClients merchants;
    private final Payments payments;
    private final Runnable wakeWorker;
    private final Clock clock;
    private final TraceContinuation traces;

    Prepayments(
            WechatPayClients merchants, Payments payments, Runnable wakeWorker, Clock clock, TraceContinuation traces) {
        this.traces = traces;
        this.merchants = merchants;
        this.payments = payments;
        this.wakeWorker = wakeWorker;
        this.clock = clock;
    }

    /**
     * Records a prepay due now; an order seen before (another OrderCreated for the same order id)
     * changes nothing.
     *
     * @throws WechatPayClients.UnknownMerchantException when the order's merchant is not configured
     */
    public void request(OrderCreated order) {
        MerchantClients merchant = merchants.merchant(order.mchid());
        if (payments.insert(
                Payment.requested(order, merchant.transactionNotifyUrl(), traces.current()), clock.instant())) {
            wakeWorker.run();
        } else {
            log.info("order {} already has a prepay; OrderCreated ignored", order.orderId());
        }
    }
}
