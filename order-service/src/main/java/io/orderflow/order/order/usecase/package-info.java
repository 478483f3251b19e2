/**
 * The order use cases: shop requests in {@code OrderManagement}, events of the other services in
 * {@code OrderLifecycle}, and the follow-ups and waits they start.
 */
package io.orderflow.order.order.usecase;
