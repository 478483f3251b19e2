/**
 * order-service: owns shops, orders, refunds and the order state machine, and serves the
 * shop API. It never talks to WeChat Pay; it publishes OrderCreated, CloseRequested and
 * RefundRequested on {@code orderflow.order.events} and every state change as
 * OrderStatusChanged on {@code orderflow.order.status}.
 */
package io.orderflow.order;
