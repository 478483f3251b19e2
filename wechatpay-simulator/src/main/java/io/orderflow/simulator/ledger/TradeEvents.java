package io.orderflow.simulator.ledger;

/** Side effects WeChat triggers after a state change, published as Spring application events. */
public final class TradeEvents {

    private TradeEvents() {}

    /** A new order was accepted by prepay. */
    public record OrderPrepaid(Order order) {}

    /** The payer paid: a TRANSACTION.SUCCESS notification is due. */
    public record OrderPaid(Order order) {}

    /** A refund reached a final status: a REFUND.* notification is due. */
    public record RefundFinished(Refund refund) {}
}
