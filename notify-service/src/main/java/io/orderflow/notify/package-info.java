/**
 * notify-service: receives WeChat Pay's callbacks, verifies and decrypts them, and keeps
 * the raw inbound callbacks in its inbox keyed by WeChat's notification id. It publishes
 * PaymentNotified and RefundNotified (source CALLBACK) on {@code orderflow.notify.events}.
 */
package io.orderflow.notify;
