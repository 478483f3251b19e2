/**
 * Outbound notifications to shops: every order status change POSTed, signed, to the shop's webhook endpoints,
 * retried on a schedule over a day, logged per attempt and redeliverable (docs/adr/0018-shop-webhooks.md).
 */
package io.orderflow.notify.webhook;
