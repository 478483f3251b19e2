package io.orderflow.order.risk;

import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Watches a shop's refunds of the day against its paid volume of the day (orders paid that day): once the
 * refunds exceed the configured share and the minimum sum, REFUND_SHARE_EXCEEDED is raised, once per shop
 * and day. A stolen shop secret used to refund money away shows here first. Refunds of payments after
 * close are not shop requests and are not watched: they return money that should never have been taken.
 */
@Component
public class RefundShareWatch {

    private final JdbcClient jdbc;
    private final RiskAlerts alerts;
    private final RiskProperties.RefundShare settings;

    RefundShareWatch(JdbcClient jdbc, RiskAlerts alerts, RiskProperties properties) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.settings = properties.refundShare();
    }

    /** Call in the transaction that stored the shop's refund request, after storing it. */
    public void refundRequested(String shopId, String mchid, String orderId, Instant now) {
        ZoneId zone = settings.zone();
        LocalDate day = LocalDate.ofInstant(now, zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        String alertId = RiskAlertKind.REFUND_SHARE_EXCEEDED + ":" + shopId + ":" + day;
        // refunds of one shop take turns here, so two that only together cross the share are both counted
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("refund-share:" + shopId)
                .query((rs, n) -> 1)
                .single();
        Day sums = jdbc.sql("select exists (select 1 from risk_alert where alert_id = :alert), "
                        + "(select count(*) from refund r join orders o on o.order_id = r.order_id where o.shop_id = :shop "
                        + "and r.requested_at >= :from and r.requested_at < :to), "
                        + "(select coalesce(sum(r.amount_fen), 0) from refund r join orders o on o.order_id = r.order_id "
                        + "where o.shop_id = :shop and r.requested_at >= :from and r.requested_at < :to), "
                        + "(select coalesce(sum(amount_fen), 0) from orders where shop_id = :shop "
                        + "and paid_at >= :from and paid_at < :to)")
                .param("alert", alertId)
                .param("shop", shopId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Day(rs.getBoolean(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        long limitFen = sums.volumeFen() * settings.percent() / 100;
        boolean exceeded = sums.refundFen() * 100 > sums.volumeFen() * settings.percent()
                && sums.refundFen() >= settings.minRefundFen();
        if (sums.alerted() || !exceeded) {
            return;
        }
        alerts.raise(new RiskAlertRaised(
                alertId,
                RiskAlertKind.REFUND_SHARE_EXCEEDED,
                shopId,
                mchid,
                orderId,
                null,
                sums.refunds(),
                null,
                sums.refundFen(),
                sums.volumeFen(),
                limitFen,
                from,
                to,
                null,
                "refunds of " + day + " reached " + sums.refundFen() + " fen in " + sums.refunds() + " refunds, above "
                        + settings.percent() + "% of the day's paid volume of " + sums.volumeFen() + " fen",
                now));
    }

    private record Day(boolean alerted, long refunds, long refundFen, long volumeFen) {}
}
