/** The webhook endpoints of the shop API ({@code /v1/webhook-endpoints}) and of the admin path. */
package io.orderflow.order.webhook.web;
