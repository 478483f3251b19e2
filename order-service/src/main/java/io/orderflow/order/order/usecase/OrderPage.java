package io.orderflow.order.order.usecase;

import io.orderflow.order.order.domain.Order;
import io.orderflow.order.order.store.OrderQuery;
import java.util.List;

/**
 * One page of orders.
 *
 * @param orders the orders, newest first
 * @param next the position to continue from, or null on the last page
 */
public record OrderPage(List<Order> orders, OrderQuery.PageKey next) {}
