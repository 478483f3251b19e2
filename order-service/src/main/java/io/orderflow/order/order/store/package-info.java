/**
 * The orders in PostgreSQL: the {@code Orders} repository, the anomaly log, and what the order side offers and
 * asks of the risk controls ({@code OrderTotals}, {@code AdmissionPolicy}).
 */
package io.orderflow.order.order.store;
