/**
 * The order aggregate with its refunds, the transition table that drives every change of
 * its status, the {@code Orders} repository and the use cases in {@code OrderManagement}
 * (shop requests) and {@code OrderLifecycle} (events of the other services).
 */
package io.orderflow.order.order;
