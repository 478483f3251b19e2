/**
 * reconcile-service: owns the expiry timers, the close protocol, active queries, the
 * ledger and bill reconciliation runs with their discrepancies. It publishes TimeoutExpired,
 * PaymentNotified and RefundNotified (source QUERY or BILL), ReconciliationCompleted and
 * DiscrepancyFound on {@code orderflow.reconcile.events}.
 */
package io.orderflow.reconcile;
