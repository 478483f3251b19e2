package io.orderflow.events;

/** Events published by notify-service on {@code orderflow.notify.events}, always with source CALLBACK. */
public sealed interface NotifyServiceEvent extends OrderflowEvent
        permits PaymentNotified, RefundNotified {
}
