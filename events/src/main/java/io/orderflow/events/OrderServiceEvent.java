package io.orderflow.events;

/**
 * Events published by order-service on {@code orderflow.order.events}, {@code orderflow.order.status} and
 * {@code orderflow.order.webhooks}.
 */
public sealed interface OrderServiceEvent extends OrderflowEvent
        permits OrderCreated,
                CloseRequested,
                RefundRequested,
                OrderStatusChanged,
                OrderAnomalyDetected,
                RiskAlertRaised,
                WebhookEndpointChanged {}
