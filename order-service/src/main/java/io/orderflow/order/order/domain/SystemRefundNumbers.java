package io.orderflow.order.order.domain;

/**
 * The out_refund_no of refunds orderflow requests itself (the automatic refund of a payment after close). They start
 * with {@code @}, which a shop's out_refund_no may not (the shop API refuses it), so a shop can never take the number
 * of a system refund and make it collide at WeChat, where out_refund_no is unique per merchant.
 */
public final class SystemRefundNumbers {

    /** The first character of every system refund number, refused at the start of a shop's. */
    public static final String PREFIX = "@";

    private SystemRefundNumbers() {}

    /** The automatic refund of a payment that arrived after the order was closed or failed. */
    public static String paidAfterClose(String orderId) {
        return PREFIX + "PAC" + orderId;
    }
}
