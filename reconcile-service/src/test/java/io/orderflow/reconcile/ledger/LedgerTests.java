package io.orderflow.reconcile.ledger;

import static io.orderflow.reconcile.TestRefunds.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.RefundSnapshot;
import io.orderflow.events.RefundStatus;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.reconcile.SimulatedWechatPay;
import io.orderflow.testkit.OrderCreatedBuilder;
import io.orderflow.testkit.OrderStatusChangedBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ledger follows the newest order snapshot, whatever order the two topics deliver in. */
class LedgerTests extends SimulatedWechatPay {

    @Autowired
    LedgerEntries entries;

    @Test
    void theNewestSnapshotWinsAndTheMerchantArrivesWithOrderCreatedWhicheverComesFirst() {
        OrderCreated created = OrderCreatedBuilder.orderCreated("LG" + System.nanoTime())
                .withShopOrderNo("SO-1")
                .withDescription("ledger test")
                .withFen(1200)
                .withPayerOpenid("oUser")
                .build();
        Instant paidAt = Instant.parse("2026-03-01T15:59:59Z");
        Instant refundedAt = Instant.parse("2026-03-02T02:00:00Z");
        RefundSnapshot refund = refund("RF-" + created.orderId(), 200, RefundStatus.SUCCESS, "5030000001", refundedAt);
        sendAll(List.of(
                status(created, 3, OrderStatus.REFUND, paidAt, List.of(refund)),
                status(created, 2, OrderStatus.SUCCESS, paidAt, List.of())));
        send(created);

        // two consumers, each batching its topic: wait until both have applied what they read (the merchant from
        // OrderCreated, a status from the changes); an older snapshot winning would show SUCCESS here
        await().atMost(WAIT)
                .until(() -> entries.orders(List.of(created.orderId())).values().stream()
                        .anyMatch(order ->
                                TestMerchant.MCHID.equals(order.mchid()) && !"PENDING".equals(order.status())));
        LedgerOrder order = entries.orders(List.of(created.orderId())).get(created.orderId());
        assertThat(order.status()).isEqualTo("REFUND");
        assertThat(order.amountFen()).isEqualTo(1200);
        assertThat(order.payDate()).as("23:59:59 China time").isEqualTo(LocalDate.of(2026, 3, 1));
        LedgerRefund stored = entries.refunds(List.of(refund.outRefundNo())).get(refund.outRefundNo());
        assertThat(stored.status()).isEqualTo("SUCCESS");
        assertThat(stored.mchid()).isEqualTo(TestMerchant.MCHID);
        assertThat(stored.requestDate())
                .isEqualTo(refundedAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate());
    }

    private static OrderStatusChanged status(
            OrderCreated created, long version, OrderStatus to, Instant paidAt, List<RefundSnapshot> refunds) {
        return OrderStatusChangedBuilder.changed(created, to)
                .withVersion(version)
                .withPaid("4200000000000000000000000001", paidAt)
                .withRefunds(refunds)
                .build();
    }
}
