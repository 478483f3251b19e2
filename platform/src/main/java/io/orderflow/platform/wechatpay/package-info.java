/**
 * WeChat Pay API v3 clients per merchant, all through the official wechatpay-java SDK with response signatures
 * verified (an optional base URL redirects the SDK, for the simulator), and the one gateway of the calls: guarded
 * per merchant by resilience4j as each service configures it, failures classified once into rejected (maybe
 * already done) or unavailable.
 */
package io.orderflow.platform.wechatpay;
