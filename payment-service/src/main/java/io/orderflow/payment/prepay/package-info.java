/**
 * Prepay: an OrderCreated becomes a {@code payment} row holding the exact prepay parameters;
 * workers prepay due rows at WeChat and publish PaymentRequested (fresh pay params again before a
 * prepay_id expires) or PrepayFailed, in the transaction that records the outcome.
 */
package io.orderflow.payment.prepay;
