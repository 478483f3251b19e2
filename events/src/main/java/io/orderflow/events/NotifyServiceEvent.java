package io.orderflow.events;

/**
 * Events published by notify-service on {@code orderflow.notify.events}: PaymentNotified and RefundNotified,
 * always with source CALLBACK, and RiskAlertRaised for callback incidents.
 */
public sealed interface NotifyServiceEvent extends OrderflowEvent
        permits PaymentNotified, RefundNotified, RiskAlertRaised {}
