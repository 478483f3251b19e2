package io.orderflow.events;

/** Events published by payment-service on {@code orderflow.payment.events}. */
public sealed interface PaymentServiceEvent extends OrderflowEvent
        permits PaymentRequested, PrepayFailed, RefundSubmitted, RefundRejected, PaymentNotified {}
