package io.orderflow.events;

/** Events published by order-service on {@code orderflow.order.events} and {@code orderflow.order.status}. */
public sealed interface OrderServiceEvent extends OrderflowEvent
        permits OrderCreated, CloseRequested, RefundRequested, OrderStatusChanged, OrderAnomalyDetected,
        RiskAlertRaised {
}
