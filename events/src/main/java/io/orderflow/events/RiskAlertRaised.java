package io.orderflow.events;

import java.time.Instant;

/**
 * An incident in which money is at risk, raised once per incident (not per observation) so that it can page
 * an operator. It carries what is needed to act and nothing secret: no keys, signatures, bodies or openids.
 * order-service raises the order-related kinds, notify-service the callback kinds, reconcile-service the bill
 * kinds (see {@link RiskAlertKind}).
 *
 * @param alertId stable id of the incident, the same on every redelivery; required
 * @param kind what was detected; required
 * @param shopId id of the shop concerned; null when no shop is known (callback bursts)
 * @param mchid WeChat Pay merchant id concerned: the order's, or the one named by the callback URL; null when
 *     none is known
 * @param orderId order id ({@code out_trade_no}) that revealed the incident; null when it is not about one order
 * @param remoteAddress the address the failing callbacks came from, as the service saw it (behind a proxy: the
 *     forwarded client address); null for order-service alerts
 * @param count how many times it happened in the window: failed verifications, or the shop's refunds of the day;
 *     null for single-order alerts
 * @param countThreshold the count at which the alert is raised (failed verifications per window); null when the
 *     alert has no count threshold
 * @param amountFen money at risk, in fen: the amount WeChat reported paid, or the shop's refunds of the day; null
 *     when the alert is not about an amount
 * @param referenceFen what {@code amountFen} is compared with, in fen: the order's total, or the shop's paid
 *     volume of the day; null when the alert is not about an amount
 * @param limitFen the limit {@code amountFen} exceeded, in fen (the share of the day's paid volume); null when
 *     the alert has no amount limit
 * @param windowStart start of the window the counts and sums cover (inclusive); null for single-order alerts
 * @param windowEnd end of the window (exclusive, or the instant of the alert); null for single-order alerts
 * @param causationId {@code ce_id} of the event that revealed the incident; null when none did
 * @param detail human-readable explanation for operators, without secrets or unmasked openids; required
 * @param raisedAt instant the alert was raised; required
 */
public record RiskAlertRaised(
        String alertId,
        RiskAlertKind kind,
        @Nullable String shopId,
        @Nullable String mchid,
        @Nullable String orderId,
        @Nullable String remoteAddress,
        @Nullable Long count,
        @Nullable Long countThreshold,
        @Nullable Long amountFen,
        @Nullable Long referenceFen,
        @Nullable Long limitFen,
        @Nullable Instant windowStart,
        @Nullable Instant windowEnd,
        @Nullable String causationId,
        String detail,
        Instant raisedAt)
        implements OrderServiceEvent, NotifyServiceEvent, ReconcileServiceEvent {

    public RiskAlertRaised {
        Checks.present(alertId, "alertId");
        Checks.present(kind, "kind");
        Checks.nonNegative(count, "count");
        Checks.nonNegative(countThreshold, "countThreshold");
        Checks.nonNegative(amountFen, "amountFen");
        Checks.nonNegative(referenceFen, "referenceFen");
        Checks.nonNegative(limitFen, "limitFen");
        Checks.present(detail, "detail");
        Checks.present(raisedAt, "raisedAt");
    }

    /** The order id when the alert is about one order, else {@code risk:<alertId>}. */
    @Override
    public String subject() {
        return orderId != null ? orderId : "risk:" + alertId;
    }
}
