/**
 * WeChat Pay API v3 clients per merchant, all through the official wechatpay-java SDK with
 * response signatures verified; an optional base URL redirects the SDK (for the simulator).
 */
package io.orderflow.platform.wechatpay;
