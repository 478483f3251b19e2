/** The consumers that feed webhook deliveries: {@code orderflow.order.status} and {@code orderflow.order.webhooks}. */
package io.orderflow.notify.webhook.messaging;
