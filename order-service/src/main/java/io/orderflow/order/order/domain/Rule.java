package io.orderflow.order.order.domain;

import io.orderflow.events.OrderStatus;

/**
 * One row of the transition table.
 *
 * @param from the order's status
 * @param trigger what happened
 * @param outcome what it means
 * @param to the status afterwards (equal to {@code from} unless a transition changes it)
 * @param reason the reason code of the status event, or the error code of a rejection
 * @param effect the data changed besides the status
 */
public record Rule(OrderStatus from, Trigger trigger, Outcome outcome, OrderStatus to, String reason, Effect effect) {}
