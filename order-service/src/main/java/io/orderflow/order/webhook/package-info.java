/**
 * A shop's webhook endpoints: registered, changed, rotated and deleted through the shop API, each change announced
 * as WebhookEndpointChanged for notify-service, which delivers (docs/adr/0018-shop-webhooks.md).
 */
package io.orderflow.order.webhook;
