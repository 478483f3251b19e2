/**
 * What order-service and notify-service share about shop webhooks: the derivation of an endpoint's signing secret
 * from the master key, the signature header, and which URLs may be called (docs/adr/0018-shop-webhooks.md).
 */
package io.orderflow.platform.webhook;
