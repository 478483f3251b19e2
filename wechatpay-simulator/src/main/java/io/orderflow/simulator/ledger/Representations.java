package io.orderflow.simulator.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes WeChat answers with (query, refund, notification resources); absent values are omitted. */
public final class Representations {

    private Representations() {}

    /** The Transaction object of order queries and TRANSACTION.SUCCESS notifications. */
    public static Map<String, Object> transaction(Order order) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean paid = order.transactionId() != null;
        out.put("amount", transactionAmount(order.total(), paid));
        out.put("appid", order.appid());
        out.put("mchid", order.mchid());
        out.put("out_trade_no", order.outTradeNo());
        out.put("promotion_detail", List.of());
        out.put("scene_info", Map.of("device_id", ""));
        out.put("trade_state", order.state().name());
        out.put("trade_state_desc", order.state().description());
        if (paid) {
            putPayment(out, order);
        }
        return out;
    }

    /**
     * The decrypted resource of a TRANSACTION.SUCCESS notification, field by field as WeChat's documented example
     * (JSAPI 支付成功回调通知) in its key order: {@code attach} always ({@code ""} when the order had none), and
     * neither {@code promotion_detail} (coupons only) nor {@code scene_info} (only when the prepay sent a
     * {@code device_id}), which real callbacks of plain orders lack.
     */
    public static Map<String, Object> paidNotification(Order order) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transaction_id", order.transactionId());
        out.put("amount", paidAmount(order.total()));
        out.put("mchid", order.mchid());
        out.put("trade_state", order.state().name());
        out.put("bank_type", "OTHERS");
        out.put("success_time", Ids.rfc3339(order.successTime()));
        out.put("payer", Map.of("openid", order.openid()));
        out.put("out_trade_no", order.outTradeNo());
        out.put("appid", order.appid());
        out.put("trade_state_desc", order.state().description());
        out.put("trade_type", "JSAPI");
        out.put("attach", order.attach() == null ? "" : order.attach());
        if (order.deviceId() != null) {
            out.put("scene_info", Map.of("device_id", order.deviceId()));
        }
        return out;
    }

    /** A paid order's amount in the documented notification's key order. */
    public static Map<String, Object> paidAmount(long total) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("payer_total", total);
        amount.put("total", total);
        amount.put("currency", "CNY");
        amount.put("payer_currency", "CNY");
        return amount;
    }

    /** Unpaid orders show only total and payer_currency, as in real NOTPAY answers. */
    private static Map<String, Object> transactionAmount(long total, boolean paid) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", total);
        if (paid) {
            amount.put("payer_total", total);
            amount.put("currency", "CNY");
        }
        amount.put("payer_currency", "CNY");
        return amount;
    }

    private static void putPayment(Map<String, Object> out, Order order) {
        out.put("transaction_id", order.transactionId());
        out.put("trade_type", "JSAPI");
        out.put("bank_type", "OTHERS");
        out.put("success_time", Ids.rfc3339(order.successTime()));
        out.put("payer", Map.of("openid", order.openid()));
        if (order.attach() != null) {
            out.put("attach", order.attach());
        }
    }

    /** The Refund object of refund create and query. */
    public static Map<String, Object> refund(Refund refund) {
        Order order = refund.order();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("refund_id", refund.refundId());
        out.put("out_refund_no", refund.outRefundNo());
        out.put("transaction_id", order.transactionId());
        out.put("out_trade_no", order.outTradeNo());
        out.put("channel", "ORIGINAL");
        out.put("user_received_account", "支付用户零钱");
        if (refund.successTime() != null) {
            out.put("success_time", Ids.rfc3339(refund.successTime()));
        }
        out.put("create_time", Ids.rfc3339(refund.createdAt()));
        out.put("status", refund.status().name());
        out.put("funds_account", "AVAILABLE");
        out.put("amount", refundAmount(refund));
        out.put("promotion_detail", List.of());
        return out;
    }

    private static Map<String, Object> refundAmount(Refund refund) {
        long total = refund.order().total();
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", total);
        amount.put("refund", refund.amount());
        amount.put("from", List.of());
        amount.put("payer_total", total);
        amount.put("payer_refund", refund.amount());
        amount.put("settlement_refund", refund.amount());
        amount.put("settlement_total", total);
        amount.put("discount_refund", 0);
        amount.put("currency", "CNY");
        amount.put("refund_fee", 0);
        return amount;
    }

    /** The decrypted resource of REFUND.* notifications. */
    public static Map<String, Object> refundNotification(Refund refund) {
        Order order = refund.order();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mchid", order.mchid());
        out.put("transaction_id", order.transactionId());
        out.put("out_trade_no", order.outTradeNo());
        out.put("refund_id", refund.refundId());
        out.put("out_refund_no", refund.outRefundNo());
        out.put("refund_status", refund.status().name());
        if (refund.successTime() != null) {
            out.put("success_time", Ids.rfc3339(refund.successTime()));
        }
        out.put("user_received_account", "支付用户零钱");
        out.put("amount", refundNotificationAmount(order.total(), refund.amount()));
        return out;
    }

    /** Keys in the documented order (total, refund, payer_total, payer_refund), the same in every notification. */
    public static Map<String, Object> refundNotificationAmount(long total, long refund) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", total);
        amount.put("refund", refund);
        amount.put("payer_total", total);
        amount.put("payer_refund", refund);
        return amount;
    }
}
