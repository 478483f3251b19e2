package io.orderflow.reconcile.bill;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One detail line of a trade bill, amounts converted from yuan to fen exactly. A payment line has trade state
 * SUCCESS; a refund line (trade state REFUND) carries the refund's numbers and status. Columns a bill type lacks
 * are zero or null.
 *
 * @param tradeTime 交易时间, China time: payment success, or refund request
 * @param settlementFen 应结订单金额
 * @param fee 手续费 in yuan with WeChat's five decimals (negative on refund lines)
 * @param orderFen 订单金额
 */
record BillRow(
        LocalDateTime tradeTime,
        String appid,
        String mchid,
        String transactionId,
        String outTradeNo,
        String tradeState,
        long settlementFen,
        long couponFen,
        String refundId,
        String outRefundNo,
        long refundFen,
        long rechargeRefundFen,
        String refundStatus,
        BigDecimal fee,
        long orderFen,
        long requestedRefundFen) {

    boolean refund() {
        return "REFUND".equals(tradeState);
    }
}
