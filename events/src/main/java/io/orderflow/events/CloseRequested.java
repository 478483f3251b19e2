package io.orderflow.events;

import java.time.Instant;

/**
 * The order is to be closed now; reconcile-service fires its timer at once and runs the close protocol.
 * The order stays PENDING until TimeoutExpired confirms WeChat closed it.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id of the order; required
 * @param reason why the close was requested, usually SHOP_REQUEST; required
 * @param requestedAt instant order-service accepted the close request; required
 */
public record CloseRequested(String orderId, String mchid, CloseReason reason, Instant requestedAt)
        implements OrderServiceEvent {

    public CloseRequested {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(reason, "reason");
        Checks.present(requestedAt, "requestedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
