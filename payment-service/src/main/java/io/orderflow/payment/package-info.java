/**
 * payment-service: owns prepay attempts, the signed JSAPI pay params and refund
 * submissions, calling WeChat Pay's prepay and refund APIs. It publishes PaymentRequested,
 * PrepayFailed, RefundSubmitted and RefundRejected on {@code orderflow.payment.events}.
 */
package io.orderflow.payment;
