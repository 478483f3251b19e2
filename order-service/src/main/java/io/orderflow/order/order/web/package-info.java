/**
 * The shop API over HTTP: {@code /v1/orders} in snake_case JSON, the mapping of failures to
 * stable error codes, and the OpenAPI description.
 */
package io.orderflow.order.order.web;
