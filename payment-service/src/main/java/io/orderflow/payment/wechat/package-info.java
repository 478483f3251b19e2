/**
 * How payment-service configures platform's WeChat Pay gateway: per merchant a resilience4j retry, circuit breaker
 * and (for prepay) rate limiter, set in YAML.
 */
package io.orderflow.payment.wechat;
