package io.orderflow.simulator.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JSAPI order as WeChat holds it. Mutations happen under the order's monitor in
 * {@link Trades}; readers take {@link #snapshotRefunds()} and {@link #deliveries()} copies.
 */
public final class Order {

    private final String mchid;

    private final String outTradeNo;

    private final Map<String, Object> request;

    private final Instant createdAt;

    private String prepayId;

    private Instant prepayIssuedAt;

    private TradeState state = TradeState.NOTPAY;

    private String transactionId;

    private Instant successTime;

    private final List<Refund> refunds = new ArrayList<>();

    private final List<CallbackDelivery> deliveries = new ArrayList<>();

    Order(String mchid, String outTradeNo, Map<String, Object> request, String prepayId, Instant createdAt) {
        this.mchid = mchid;
        this.outTradeNo = outTradeNo;
        this.request = Map.copyOf(request);
        this.prepayId = prepayId;
        this.prepayIssuedAt = createdAt;
        this.createdAt = createdAt;
    }

    public String mchid() {
        return mchid;
    }

    public String outTradeNo() {
        return outTradeNo;
    }

    /** The prepay request body as first accepted; re-entrant prepay compares against it. */
    public Map<String, Object> request() {
        return request;
    }

    public String appid() {
        return (String) request.get("appid");
    }

    public String description() {
        return (String) request.get("description");
    }

    public String notifyUrl() {
        return (String) request.get("notify_url");
    }

    public String attach() {
        return (String) request.get("attach");
    }

    /** {@code scene_info.device_id} of the prepay request, or null. */
    public String deviceId() {
        return request.get("scene_info") instanceof Map<?, ?> scene
                        && scene.get("device_id") instanceof String id
                        && !id.isEmpty()
                ? id
                : null;
    }

    public String openid() {
        return (String) ((Map<?, ?>) request.get("payer")).get("openid");
    }

    public long total() {
        return ((Number) ((Map<?, ?>) request.get("amount")).get("total")).longValue();
    }

    public synchronized String prepayId() {
        return prepayId;
    }

    synchronized Instant prepayIssuedAt() {
        return prepayIssuedAt;
    }

    synchronized void renewPrepayId(String prepayId, Instant at) {
        this.prepayId = prepayId;
        this.prepayIssuedAt = at;
    }

    /**
     * time_expire, which WeChat moves to at least 1 minute and at most 90 days after the order;
     * without it, 7 days after the order.
     */
    public Instant payableUntil() {
        Object timeExpire = request.get("time_expire");
        if (timeExpire == null) {
            return createdAt.plus(Duration.ofDays(7));
        }
        Instant asked = OffsetDateTime.parse((String) timeExpire).toInstant();
        Instant earliest = createdAt.plus(Duration.ofMinutes(1));
        Instant latest = createdAt.plus(Duration.ofDays(90));
        return asked.isBefore(earliest) ? earliest : asked.isAfter(latest) ? latest : asked;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized TradeState state() {
        return state;
    }

    public synchronized String transactionId() {
        return transactionId;
    }

    public synchronized Instant successTime() {
        return successTime;
    }

    public synchronized List<Refund> snapshotRefunds() {
        return List.copyOf(refunds);
    }

    public synchronized List<CallbackDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized void record(CallbackDelivery delivery) {
        deliveries.add(delivery);
    }

    /** Fen still refundable: refunds that ended CLOSED gave their amount back. */
    synchronized long refundable() {
        long taken = refunds.stream()
                .filter(r -> r.status() != RefundStatus.CLOSED)
                .mapToLong(Refund::amount)
                .sum();
        return total() - taken;
    }

    synchronized void markPaid(String transactionId, Instant at) {
        this.state = TradeState.SUCCESS;
        this.transactionId = transactionId;
        this.successTime = at;
    }

    synchronized void markClosed() {
        this.state = TradeState.CLOSED;
    }

    synchronized void addRefund(Refund refund) {
        refunds.add(refund);
        this.state = TradeState.REFUND;
    }

    synchronized int refundCount() {
        return refunds.size();
    }
}
