package io.orderflow.simulator.ledger;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.ledger.TradeEvents.OrderPaid;
import io.orderflow.simulator.ledger.TradeEvents.OrderPrepaid;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Order use cases with WeChat's rules: re-entrant prepay, pay, close and the paid/closed rules.
 * Validity windows (prepay_id 2 hours, time_expire) run on real time: the time scale only
 * compresses WeChat's delays, it must not expire orders under a slow test.
 */
public class Trades {

    static final Duration PREPAY_ID_VALIDITY = Duration.ofHours(2);

    private final Ledger ledger;

    private final SimulatedTime time;

    private final ApplicationEventPublisher events;

    public Trades(Ledger ledger, SimulatedTime time, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.time = time;
        this.events = events;
    }

    /** Body already validated; identical re-requests get the same prepay_id, different ones fail. */
    public Order prepay(String mchid, Map<String, Object> body) {
        var now = time.now();
        Order fresh = new Order(mchid, (String) body.get("out_trade_no"), body, Ids.prepayId(now), now);
        Order existing = ledger.putIfAbsent(fresh);
        if (existing == null) {
            events.publishEvent(new OrderPrepaid(fresh));
            return fresh;
        }
        synchronized (existing) {
            rejectUnlessPayable(existing);
            if (!existing.request().equals(body)) {
                throw ApiError.invalidRequest("请求重入时，参数与首次请求时不一致");
            }
            if (existing.prepayIssuedAt().plus(PREPAY_ID_VALIDITY).isBefore(now)) {
                existing.renewPrepayId(Ids.prepayId(now), now);
                ledger.indexPrepayId(existing);
            }
            return existing;
        }
    }

    /** The payer pays (or fails to, leaving NOTPAY) as the WeChat client would. */
    public Order pay(Order order, boolean succeeds) {
        synchronized (order) {
            rejectUnlessPayable(order);
            if (time.now().isAfter(order.payableUntil())) {
                throw ApiError.invalidRequest("订单已超过支付截止时间");
            }
            if (!succeeds) {
                return order;
            }
            order.markPaid(Ids.transactionId(), time.tradeNow());
            ledger.indexPaid(order);
        }
        events.publishEvent(new OrderPaid(order));
        return order;
    }

    /** Closing is re-entrant: a closed order closes again quietly; a paid one cannot be closed. */
    public void close(String mchid, String outTradeNo) {
        Order order = find(mchid, outTradeNo);
        synchronized (order) {
            if (order.state() == TradeState.SUCCESS || order.state() == TradeState.REFUND) {
                throw new ApiError(400, "ORDERPAID", "订单已支付");
            }
            order.markClosed();
        }
    }

    public Order find(String mchid, String outTradeNo) {
        return ledger.order(mchid, outTradeNo).orElseThrow(Trades::notFound);
    }

    public Order findByTransactionId(String mchid, String transactionId) {
        return ledger.orderByTransactionId(mchid, transactionId).orElseThrow(Trades::notFound);
    }

    private static void rejectUnlessPayable(Order order) {
        switch (order.state()) {
            case CLOSED -> throw new ApiError(400, "ORDER_CLOSED", "当前订单已关闭，请重新下单");
            case SUCCESS, REFUND -> throw new ApiError(400, "ORDERPAID", "该订单已支付");
            default -> {}
        }
    }

    private static ApiError notFound() {
        return new ApiError(404, "ORDER_NOT_EXIST", "订单不存在");
    }
}
