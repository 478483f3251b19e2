/**
 * The demo shop: a checkout page as it would appear inside WeChat, a backend that creates and refunds orders
 * through the signed shop API (the secret never reaches the page), and an order timeline it builds itself as a
 * downstream consumer of {@code orderflow.order.status}.
 */
package io.orderflow.local.shop;
