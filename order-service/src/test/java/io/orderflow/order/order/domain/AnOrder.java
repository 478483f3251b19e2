package io.orderflow.order.order.domain;

import io.orderflow.events.Money;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.TradeState;
import io.orderflow.order.support.PaymentNotifiedBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data builder of the order aggregate in any status, with refunds, for unit tests without a database: one
 * order of {@value #TOTAL_FEN} fen, paid unless PENDING, whose every field can be changed by name.
 */
final class AnOrder {

    static final String ORDER_ID = "OF2026120610000001";
    static final String MCHID = "1900000109";
    static final String APPID = "wxd678efh567hg6787";
    static final long TOTAL_FEN = 8800;
    static final Instant CREATED_AT = Instant.parse("2026-12-06T10:00:00Z");
    static final Instant PAID_AT = CREATED_AT.plusSeconds(30);
    static final String TRANSACTION_ID = "4200000001202612060000000001";

    private OrderStatus status = OrderStatus.PENDING;
    private long refundedFen;
    private Instant closeRequestedAt;
    private long version = 1;
    private final List<Refund> refunds = new ArrayList<>();

    private AnOrder() {}

    static AnOrder pending() {
        return new AnOrder();
    }

    /** In {@code status} after one transition (version 2); paid when the status is. */
    static AnOrder in(OrderStatus status) {
        AnOrder order = new AnOrder();
        order.status = status;
        order.version = status == OrderStatus.PENDING ? 1 : 2;
        return order;
    }

    AnOrder refunded(long fen) {
        refundedFen = fen;
        return this;
    }

    AnOrder closeRequested(Instant at) {
        closeRequestedAt = at;
        return this;
    }

    AnOrder withRefund(String outRefundNo, long fen, RefundState state) {
        refunds.add(new Refund(
                outRefundNo,
                Money.cny(fen),
                "test",
                state,
                state == RefundState.REQUESTED || state == RefundState.REJECTED ? null : "5000" + outRefundNo,
                CREATED_AT.plusSeconds(60),
                state == RefundState.SUCCESS ? CREATED_AT.plusSeconds(90) : null));
        return this;
    }

    Order build() {
        boolean paid = status.isPaid();
        return new Order(
                terms(),
                new OrderState(
                        status,
                        refundedFen,
                        paid ? TRANSACTION_ID : null,
                        paid ? PAID_AT : null,
                        closeRequestedAt,
                        null,
                        version),
                refunds);
    }

    static OrderTerms terms() {
        return new OrderTerms(
                ORDER_ID,
                "shop-1",
                "SO-1",
                "hash",
                MCHID,
                APPID,
                "a test order",
                Money.cny(TOTAL_FEN),
                "o-payer",
                null,
                CREATED_AT,
                CREATED_AT.plusSeconds(7200),
                null);
    }

    /** WeChat's report on this order's payment, matching it unless changed. */
    static PaymentNotifiedBuilder payment(TradeState state) {
        return PaymentNotifiedBuilder.of(ORDER_ID, MCHID, APPID, state, TOTAL_FEN)
                .at(PAID_AT);
    }

    static PaymentNotified paid() {
        return payment(TradeState.SUCCESS).build();
    }
}
