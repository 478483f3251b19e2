/**
 * Shops: who may call the API, the WeChat merchant each pays into, their HMAC secrets (stored
 * encrypted) and the verification of signed requests, including replay protection by nonce.
 */
package io.orderflow.order.shop;
