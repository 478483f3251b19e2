package io.orderflow.reconcile.bill;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.Refund;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundStatus;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.wechatpay.Transactions;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import java.time.Clock;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repairs the safe kinds only, and only after a query confirms the bill: a payment the ledger misses becomes
 * PaymentNotified (source BILL), a refund final at WeChat but PROCESSING here becomes RefundNotified (BILL).
 * Each item is repaired once ever (bill_repair), so a re-run neither queries nor publishes again; order-service's
 * state table decides what the event means for the order.
 */
class BillRepair {

    private static final Set<String> PAID = Set.of("SUCCESS", "REFUND");

    private final WechatPayGateway wechat;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    BillRepair(
            WechatPayGateway wechat,
            Outbox outbox,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters) {
        this.wechat = wechat;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    Discrepancy repair(String runId, String mchid, Discrepancy found) {
        if (found.repair() == Discrepancy.Repair.NONE) {
            return found;
        }
        if (repairedBefore(found)) {
            return found.repaired("repaired by an earlier run");
        }
        try {
            OrderflowEvent event =
                    found.repair() == Discrepancy.Repair.PAYMENT ? payment(mchid, found) : refund(mchid, found);
            if (event == null) {
                return found.notRepaired("the query did not confirm the bill: reported only");
            }
            publish(runId, found, event);
            return found.repaired("confirmed by query and published (source BILL)");
        } catch (RuntimeException e) {
            // WeChat unavailable or refusing: a later run tries again, as nothing was recorded
            return found.notRepaired("confirming query failed: " + e.getMessage());
        }
    }

    private OrderflowEvent payment(String mchid, Discrepancy found) {
        Transaction transaction = wechat.queryOrder(mchid, found.orderId());
        if (transaction.getTradeState() == null
                || !PAID.contains(transaction.getTradeState().name())) {
            return null;
        }
        return Transactions.paymentNotified(transaction, mchid, NotificationSource.BILL, null, clock.instant());
    }

    private OrderflowEvent refund(String mchid, Discrepancy found) {
        Refund refund = wechat.queryRefund(mchid, found.outRefundNo());
        if (refund.getStatus() == null || refund.getStatus().name().equals("PROCESSING")) {
            return null;
        }
        long fen = refund.getAmount() == null || refund.getAmount().getRefund() == null
                ? found.wechatAmountFen()
                : refund.getAmount().getRefund();
        return new RefundNotified(
                found.orderId(),
                mchid,
                found.outRefundNo(),
                refund.getRefundId(),
                refund.getTransactionId(),
                NotificationSource.BILL,
                RefundStatus.valueOf(refund.getStatus().name()),
                Money.cny(fen),
                Transactions.instant(refund.getSuccessTime()),
                null,
                clock.instant());
    }

    private void publish(String runId, Discrepancy found, OrderflowEvent event) {
        transactions.executeWithoutResult(status -> {
            int claimed = jdbc.sql("""
                    insert into bill_repair (kind, item_key, run_id) values (?, ?, ?) on conflict do nothing""")
                    .params(found.repair().name(), found.itemKey(), runId)
                    .update();
            if (claimed == 1) {
                outbox.append(event);
                meters.counter(
                                "orderflow.reconcile.repaired",
                                "kind",
                                found.repair().name(),
                                "via",
                                "bill")
                        .increment();
            }
        });
    }

    private boolean repairedBefore(Discrepancy found) {
        return jdbc.sql("select count(*) from bill_repair where kind = ? and item_key = ?")
                        .params(found.repair().name(), found.itemKey())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
