/**
 * Refunds: a RefundRequested becomes a {@code refund_submission} row keyed by the shop's
 * out_refund_no; workers submit due rows to WeChat (the same out_refund_no on every attempt)
 * and publish RefundSubmitted or RefundRejected with the outcome.
 */
package io.orderflow.payment.refund;
