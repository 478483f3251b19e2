/**
 * Risk controls: per-shop limits enforced before an order is created, payer blocklists, and alerts raised
 * once per incident when money is at risk. All counters live in PostgreSQL so every replica sees the same.
 */
package io.orderflow.order.risk;
