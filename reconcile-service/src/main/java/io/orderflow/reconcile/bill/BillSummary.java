package io.orderflow.reconcile.bill;

import java.math.BigDecimal;

/**
 * The summary line of a trade bill; a column its summary leaves out (the refund totals of the documented
 * four-column SUCCESS summary) is zero.
 *
 * @param rows 总交易单数
 * @param settlementFen 应结订单总金额
 * @param refundFen 退款总金额
 * @param rechargeRefundFen 充值券退款总金额
 * @param fee 手续费总金额, yuan
 * @param orderFen 订单总金额
 * @param requestedRefundFen 申请退款总金额
 */
record BillSummary(
        long rows,
        long settlementFen,
        long refundFen,
        long rechargeRefundFen,
        BigDecimal fee,
        long orderFen,
        long requestedRefundFen) {}
