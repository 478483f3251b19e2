/** The operator API of webhook deliveries, {@code /notify/v1/**}, behind the admin bearer token. */
package io.orderflow.notify.webhook.web;
