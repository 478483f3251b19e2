package io.orderflow.events;

/**
 * Events published by reconcile-service on {@code orderflow.reconcile.events}; PaymentNotified and
 * RefundNotified appear here with source QUERY or BILL.
 */
public sealed interface ReconcileServiceEvent extends OrderflowEvent
        permits TimeoutExpired,
                PaymentNotified,
                RefundNotified,
                ReconciliationCompleted,
                DiscrepancyFound,
                RiskAlertRaised {}
