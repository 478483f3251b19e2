/**
 * WeChat Pay calls of payment-service through the official SDK, guarded per merchant by a
 * resilience4j retry, circuit breaker and (for prepay) rate limiter configured in YAML. Callers
 * see two outcomes besides success: rejected for good, or unavailable for now.
 */
package io.orderflow.payment.wechat;
