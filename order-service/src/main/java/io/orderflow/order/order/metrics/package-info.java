/** The order metrics: transitions and anomalies counted after commit, orders by state as gauges. */
package io.orderflow.order.order.metrics;
