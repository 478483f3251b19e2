package io.orderflow.order.order.domain;

/** Human messages for the rejection rows of the transition table. */
final class Rejections {

    private Rejections() {}

    static String message(Rule rule, Order order) {
        return switch (rule.reason()) {
            case TransitionTable.REFUND_AMOUNT_EXCEEDS_REMAINING ->
                "amount.refund exceeds the refundable remainder of " + order.refundableFen()
                        + " fen (total - refunded - in flight)";
            case TransitionTable.ORDER_NOT_PAID ->
                "order_id " + order.terms().orderId() + " is " + order.status() + " and has no payment to refund";
            case TransitionTable.ORDER_NOT_CLOSABLE ->
                "order_id " + order.terms().orderId() + " is " + order.status() + " and can no longer be closed";
            default -> rule.reason();
        };
    }
}
