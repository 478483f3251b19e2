package io.orderflow.reconcile.bill;

import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.RefundSnapshot;
import io.orderflow.events.RefundStatus;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.reconcile.SimulatedWechatPay;
import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.ledger.Refund;
import io.orderflow.testkit.OrderStatusChangedBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two ledgers made to differ on purpose: trades at the simulator stamped on a chosen day (its trade clock), and
 * what reconcile-service's ledger is told through the order topics. Each test owns a bill date of its own, some
 * weeks back, so the simulator's bills of other tests never mix in.
 */
abstract class BillFixtures extends SimulatedWechatPay {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    Reconciliation reconciliation;

    /** A day of its own for each test: {@code daysBack} days before today, China time. */
    static LocalDate day(int daysBack) {
        return LocalDate.now(CHINA).minusDays(daysBack);
    }

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(CHINA).toInstant();
    }

    /** A new order at WeChat (prepaid), not yet known to the ledger. */
    OrderCreated order(long fen) {
        return prepaid(fen, Instant.now().plus(Duration.ofHours(1)));
    }

    /** The payer pays at WeChat, stamped at {@code when} (a near-midnight second, a day weeks back). */
    static void payAt(OrderCreated order, Instant when) throws Exception {
        tradeClock(when, () -> {
            pay(order.orderId());
            return null;
        });
    }

    /** A new order of {@code fen} paid at WeChat at {@code when}, not yet known to the ledger. */
    OrderCreated orderPaidAt(long fen, Instant when) throws Exception {
        OrderCreated order = order(fen);
        payAt(order, when);
        return order;
    }

    /** A new order paid at WeChat at {@code paidAt} and told to the ledger as paid then, {@code fen} both sides. */
    OrderCreated paidAndLedgered(long fen, Instant paidAt) throws Exception {
        return paidAndLedgered(fen, fen, paidAt);
    }

    /** A new order of {@code fen} paid at WeChat at {@code paidAt}, told to the ledger as paid then with {@code ledgerFen}. */
    OrderCreated paidAndLedgered(long fen, long ledgerFen, Instant paidAt) throws Exception {
        OrderCreated order = orderPaidAt(fen, paidAt);
        ledger(order, OrderStatus.SUCCESS, ledgerFen, paidAt, List.of());
        return order;
    }

    /** A refund at WeChat requested at {@code when}; waits until WeChat finished it (SUCCESS). */
    Refund refundAt(OrderCreated order, String outRefundNo, long fen, Instant when) throws Exception {
        tradeClock(when, () -> {
            CreateRequest request = new CreateRequest();
            request.setOutTradeNo(order.orderId());
            request.setOutRefundNo(outRefundNo);
            AmountReq amount = new AmountReq();
            amount.setRefund(fen);
            amount.setTotal(order.amount().fen());
            amount.setCurrency("CNY");
            request.setAmount(amount);
            return merchants.merchant(TestMerchant.MCHID).refunds().create(request);
        });
        await().atMost(WAIT)
                .until(() -> simulator
                                .ledger()
                                .refund(TestMerchant.MCHID, outRefundNo)
                                .orElseThrow()
                                .status()
                        == io.orderflow.simulator.ledger.RefundStatus.SUCCESS);
        return simulator.ledger().refund(TestMerchant.MCHID, outRefundNo).orElseThrow();
    }

    /** Tells the ledger the order as order-service would: OrderCreated, then a status with its snapshot. */
    void ledger(OrderCreated order, OrderStatus status, long fen, Instant paidAt, List<RefundSnapshot> refunds) {
        String transactionId = simulator
                .ledger()
                .order(TestMerchant.MCHID, order.orderId())
                .map(io.orderflow.simulator.ledger.Order::transactionId)
                .orElse(null);
        long refunded = refunds.stream()
                .filter(r -> r.status() == RefundStatus.SUCCESS)
                .mapToLong(r -> r.amount().fen())
                .sum();
        long version = 2 + refunds.size();
        sendAll(List.of(
                order,
                OrderStatusChangedBuilder.changed(order, status)
                        .withVersion(version)
                        .withFen(fen)
                        .withRefundedFen(refunded)
                        .withPaid(paidAt == null ? null : transactionId, paidAt)
                        .withRefunds(refunds)
                        .build()));
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from ledger_order where order_id = ? "
                                        + "and mchid is not null and version = ?")
                                .params(order.orderId(), version)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    BillDay run(LocalDate day) {
        return reconciliation.run(TestMerchant.MCHID, day, "ON_DEMAND", 1);
    }

    /** Every event reconcile-service published with this subject, once {@code count} have arrived. */
    static List<OrderflowEvent> published(String subject, int count) {
        return reconcileEvents(subject, count);
    }

    static String subject(LocalDate day) {
        return "reconciliation:" + TestMerchant.MCHID + ":" + day;
    }

    private static <T> T tradeClock(Instant when, Callable<T> trade) throws Exception {
        SimulatedTime time = simulator.context().getBean(SimulatedTime.class);
        time.shiftTrades(Duration.between(Instant.now(), when));
        try {
            return trade.call();
        } finally {
            time.shiftTrades(Duration.ZERO);
        }
    }
}
