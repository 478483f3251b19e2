package io.orderflow.order.risk;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of the risk controls ({@code orderflow.risk.*}); a shop's overrides replace them one by one.
 *
 * @param enabled whether the create limits and blocklists are enforced at all (alerts are always on)
 * @param maxOrderAmountFen the largest order total, in fen
 * @param payerMaxOrders the most orders one payer (openid) may create at one shop within {@code payerWindow}
 * @param payerMaxAmountFen the largest sum of order totals of one payer at one shop within {@code payerWindow}
 * @param payerWindow the rolling window of the payer limits
 * @param createsPerSecond create requests per shop per second (a token bucket of that size and refill rate)
 * @param refundShare when a shop's refunds of a day are alerted on
 */
@ConfigurationProperties("orderflow.risk")
public record RiskProperties(
        Boolean enabled,
        Long maxOrderAmountFen,
        Integer payerMaxOrders,
        Long payerMaxAmountFen,
        Duration payerWindow,
        Integer createsPerSecond,
        RefundShare refundShare) {

    public RiskProperties {
        enabled = enabled == null || enabled;
        maxOrderAmountFen = maxOrderAmountFen == null ? 5_000_000L : maxOrderAmountFen;
        payerMaxOrders = payerMaxOrders == null ? 50 : payerMaxOrders;
        payerMaxAmountFen = payerMaxAmountFen == null ? 10_000_000L : payerMaxAmountFen;
        payerWindow = payerWindow == null ? Duration.ofHours(24) : payerWindow;
        createsPerSecond = createsPerSecond == null ? 100 : createsPerSecond;
        refundShare = refundShare == null ? new RefundShare(null, null, null) : refundShare;
    }

    /** The defaults as limits. */
    Limits defaults() {
        return new Limits(maxOrderAmountFen, payerMaxOrders, payerMaxAmountFen, payerWindow, createsPerSecond);
    }

    /**
     * The refund alert: raised once per shop and day (in {@code zone}) when the day's refunds exceed
     * {@code percent} % of the day's paid volume and are at least {@code minRefundFen}.
     *
     * @param percent the share of the day's paid volume, in percent
     * @param minRefundFen refunds below this sum never alert (a quiet day with one refund is no incident)
     * @param zone the time zone of "a day"; WeChat's bills use China time
     */
    public record RefundShare(Integer percent, Long minRefundFen, ZoneId zone) {

        public RefundShare {
            percent = percent == null ? 50 : percent;
            minRefundFen = minRefundFen == null ? 100_000L : minRefundFen;
            zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        }
    }
}
