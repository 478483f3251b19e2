package io.orderflow.order.risk;

import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.order.order.store.OrderTotals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Watches a shop's refunds of the day against its paid volume of the day (orders paid that day): once the
 * refunds exceed the configured share and the minimum sum, REFUND_SHARE_EXCEEDED is raised, once per shop
 * and day. A stolen shop secret used to refund money away shows here first. Refunds of payments after
 * close are not shop requests and are not watched: they return money that should never have been taken. The
 * sums come from the order package's {@link OrderTotals}; {@link RiskAlerts} keeps the alert once per shop and day.
 */
@Component
public class RefundShareWatch {

    private final JdbcClient jdbc;
    private final OrderTotals totals;
    private final RiskAlerts alerts;
    private final RiskProperties.RefundShare settings;

    RefundShareWatch(JdbcClient jdbc, OrderTotals totals, RiskAlerts alerts, RiskProperties properties) {
        this.jdbc = jdbc;
        this.totals = totals;
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
        OrderTotals.ShopTotals sums = totals.shop(shopId, from, to);
        long limitFen = sums.paidFen() * settings.percent() / 100;
        boolean exceeded = sums.refundFen() * 100 > sums.paidFen() * settings.percent()
                && sums.refundFen() >= settings.minRefundFen();
        if (!exceeded) {
            return;
        }
        // once per shop and day: the alert id names the day, and RiskAlerts raises an id only once
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
                sums.paidFen(),
                limitFen,
                from,
                to,
                null,
                "refunds of " + day + " reached " + sums.refundFen() + " fen in " + sums.refunds() + " refunds, above "
                        + settings.percent() + "% of the day's paid volume of " + sums.paidFen() + " fen",
                now));
    }
}
