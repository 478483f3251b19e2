package io.orderflow.events;

import java.time.Instant;

/**
 * WeChat Pay confirmed the order is closed (close answered 204 or ORDER_CLOSED); the order becomes CLOSED
 * unless it is already paid. Never published before WeChat confirms the close.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id of the order; required
 * @param expireAt the order's expiry instant the timer was armed with; required
 * @param closedAt instant WeChat confirmed the close; required
 * @param reason why the order was closed: EXPIRED, or SHOP_REQUEST after CloseRequested; required
 */
public record TimeoutExpired(String orderId, String mchid, Instant expireAt, Instant closedAt, CloseReason reason)
        implements ReconcileServiceEvent {

    public TimeoutExpired {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(expireAt, "expireAt");
        Checks.present(closedAt, "closedAt");
        Checks.present(reason, "reason");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
