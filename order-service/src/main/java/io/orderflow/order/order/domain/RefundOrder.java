package io.orderflow.order.order.domain;

/**
 * A shop's refund request.
 *
 * @param outRefundNo the shop's refund number, sent to WeChat unchanged
 * @param amountFen the amount to refund, in fen
 * @param reason shown to the payer; may be null
 */
public record RefundOrder(String outRefundNo, long amountFen, String reason) {}
