package io.orderflow.simulator.ledger;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.ledger.TradeEvents.RefundFinished;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;

/** Refund use cases: the refund rules, out_refund_no idempotency and PROCESSING to a final status. */
public class Refunds {

    static final int MAX_REFUNDS_PER_ORDER = 50;

    private final Ledger ledger;

    private final SimulatedTime time;

    private final ApplicationEventPublisher events;

    private volatile Duration processingDelay;

    private volatile RefundStatus defaultOutcome;

    public Refunds(
            Ledger ledger,
            SimulatedTime time,
            ApplicationEventPublisher events,
            Duration processingDelay,
            RefundStatus defaultOutcome) {
        this.ledger = ledger;
        this.time = time;
        this.events = events;
        this.processingDelay = processingDelay;
        this.defaultOutcome = defaultOutcome;
    }

    /** Body already validated. The refund finishes after the processing delay with the default outcome. */
    public Refund create(String mchid, Map<String, Object> body) {
        Order order = orderOf(mchid, body);
        String outRefundNo = (String) body.get("out_refund_no");
        Refund refund;
        synchronized (order) {
            var existing = ledger.refund(mchid, outRefundNo);
            if (existing.isPresent()) {
                return sameRequestOrFail(existing.get(), body);
            }
            long amount = checkRules(order, body);
            refund = new Refund(order, Ids.refundId(), outRefundNo, body, amount, time.tradeNow());
            ledger.putIfAbsent(refund);
            order.addRefund(refund);
        }
        RefundStatus outcome = defaultOutcome;
        time.afterWechatDelay(processingDelay, () -> finish(refund, outcome));
        return refund;
    }

    /** Ends a PROCESSING refund now; false if it had already finished. */
    public boolean finish(Refund refund, RefundStatus outcome) {
        if (outcome == RefundStatus.PROCESSING || !refund.finish(outcome, time.tradeNow())) {
            return false;
        }
        events.publishEvent(new RefundFinished(refund));
        return true;
    }

    public Refund find(String mchid, String outRefundNo) {
        return ledger.refund(mchid, outRefundNo).orElseThrow(() -> new ApiError(404, "RESOURCE_NOT_EXISTS", "退款单不存在"));
    }

    /** Control API: how later refunds end and after how long (a WeChat delay, so it is time-scaled). */
    public void configure(Duration delay, RefundStatus outcome) {
        if (delay != null) {
            this.processingDelay = delay;
        }
        if (outcome != null) {
            this.defaultOutcome = outcome;
        }
    }

    private Order orderOf(String mchid, Map<String, Object> body) {
        var transactionId = (String) body.get("transaction_id");
        var order = transactionId != null
                ? ledger.orderByTransactionId(mchid, transactionId)
                : ledger.order(mchid, (String) body.get("out_trade_no"));
        return order.orElseThrow(() -> new ApiError(404, "RESOURCE_NOT_EXISTS", "订单不存在"));
    }

    private static Refund sameRequestOrFail(Refund existing, Map<String, Object> body) {
        if (!existing.request().equals(body)) {
            throw ApiError.invalidRequest("商户退款单号已存在，且请求参数与首次请求不一致");
        }
        return existing;
    }

    private static long checkRules(Order order, Map<String, Object> body) {
        if (order.state() == TradeState.NOTPAY || order.state() == TradeState.CLOSED) {
            throw ApiError.invalidRequest("订单未支付，不能发起退款");
        }
        Map<?, ?> amount = (Map<?, ?>) body.get("amount");
        long refund = ((Number) amount.get("refund")).longValue();
        if (((Number) amount.get("total")).longValue() != order.total()) {
            throw ApiError.invalidRequest("订单金额或退款金额与之前请求不一致，请核实后再试");
        }
        if (order.refundCount() >= MAX_REFUNDS_PER_ORDER) {
            throw ApiError.invalidRequest("同一笔订单最多只能退款50次");
        }
        if (refund > order.refundable()) {
            throw ApiError.invalidRequest("申请退款金额超过订单可退金额");
        }
        return refund;
    }
}
