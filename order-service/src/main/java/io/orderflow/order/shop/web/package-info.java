/**
 * HTTP adapters of shops: the filter that authenticates every {@code /v1} request by its HMAC
 * signature, and the administrator's {@code /admin/v1/shops} endpoint behind its own bearer token.
 */
package io.orderflow.order.shop.web;
