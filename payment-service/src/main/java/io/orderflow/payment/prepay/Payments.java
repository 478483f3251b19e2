package io.orderflow.payment.prepay;

import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import io.orderflow.payment.work.DueTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code payment} table. */
class Payments {

    private final JdbcClient jdbc;
    private final DueTable due;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.due = new DueTable(jdbc, "payment");
    }

    /** The table's due rows, for its worker. */
    DueTable due() {
        return due;
    }

    /** Records a prepay to do now; false when the order already has one (a duplicate OrderCreated). */
    boolean insert(Payment payment, Instant now) {
        return jdbc.sql("""
                insert into payment (order_id, mchid, appid, description, amount_fen, currency, payer_openid, attach,
                                     time_expire, expire_at, notify_url, status, next_attempt_at, trace_parent)
                values (:orderId, :mchid, :appid, :description, :amountFen, :currency, :payerOpenid, :attach,
                        :timeExpire, :expireAt, :notifyUrl, :status, :now, :traceParent)
                on conflict (order_id) do nothing""")
                        .param("orderId", payment.orderId())
                        .param("mchid", payment.mchid())
                        .param("appid", payment.appid())
                        .param("description", payment.description())
                        .param("amountFen", payment.amountFen())
                        .param("currency", payment.currency())
                        .param("payerOpenid", payment.payerOpenid())
                        .param("attach", payment.attach())
                        .param("timeExpire", payment.timeExpire())
                        .param("notifyUrl", payment.notifyUrl())
                        .param("expireAt", Timestamp.from(payment.expireAt()))
                        .param("status", payment.status().name())
                        .param("now", Timestamp.from(now))
                        .param("traceParent", payment.traceParent())
                        .update()
                == 1;
    }

    /** Locks up to {@code limit} due rows for the caller's transaction, skipping rows other workers hold. */
    List<Payment> claimDue(Instant now, int limit) {
        return due.claimDue(now, limit, Payments::map);
    }

    void prepaid(
            String orderId,
            PrepayWithRequestPaymentResponse params,
            String prepayId,
            Instant expiresAt,
            Instant nextAttemptAt) {
        jdbc.sql("""
                update payment set status = 'PREPAID', prepay_id = :prepayId, pay_time_stamp = :timeStamp,
                       pay_nonce_str = :nonce, pay_package = :package, pay_sign_type = :signType, pay_sign = :paySign,
                       prepay_expires_at = :expiresAt, last_error = null,
                       next_attempt_at = :next, updated_at = clock_timestamp()
                where order_id = :orderId""")
                .param("prepayId", prepayId)
                .param("timeStamp", params.getTimeStamp())
                .param("nonce", params.getNonceStr())
                .param("package", params.getPackageVal())
                .param("signType", params.getSignType())
                .param("paySign", params.getPaySign())
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("orderId", orderId)
                .update();
    }

    void failed(String orderId, String error) {
        finish(orderId, PaymentStatus.FAILED, error);
    }

    /** Nothing more to do for this row; its status stays unless given. */
    void finish(String orderId, PaymentStatus status, String error) {
        jdbc.sql("""
                update payment set status = :status, next_attempt_at = null, last_error = :error,
                       updated_at = clock_timestamp()
                where order_id = :orderId""")
                .param("status", status.name())
                .param("error", error)
                .param("orderId", orderId)
                .update();
    }

    void paidAtWechat(String orderId, String transactionId, String tradeState) {
        jdbc.sql("""
                update payment set status = 'PAID_AT_WECHAT', transaction_id = :transactionId,
                       trade_state = :tradeState, next_attempt_at = null, updated_at = clock_timestamp()
                where order_id = :orderId""")
                .param("transactionId", transactionId)
                .param("tradeState", tradeState)
                .param("orderId", orderId)
                .update();
    }

    void retryLater(String orderId, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                update payment set attempts = :attempts, next_attempt_at = :next, last_error = :error,
                       updated_at = clock_timestamp()
                where order_id = :orderId""")
                .param("attempts", attempts)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("error", error)
                .param("orderId", orderId)
                .update();
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        Timestamp prepayExpires = rs.getTimestamp("prepay_expires_at");
        return new Payment(
                rs.getString("order_id"),
                rs.getString("mchid"),
                rs.getString("appid"),
                rs.getString("description"),
                rs.getLong("amount_fen"),
                rs.getString("currency"),
                rs.getString("payer_openid"),
                rs.getString("attach"),
                rs.getString("time_expire"),
                rs.getTimestamp("expire_at").toInstant(),
                rs.getString("notify_url"),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("prepay_id"),
                prepayExpires == null ? null : prepayExpires.toInstant(),
                rs.getString("trace_parent"));
    }
}
