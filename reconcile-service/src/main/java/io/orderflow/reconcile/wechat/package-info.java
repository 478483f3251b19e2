/**
 * The WeChat Pay calls reconcile-service makes (query, close, refund query), guarded per merchant by a
 * resilience4j retry, rate limiter and bulkhead configured in YAML.
 */
package io.orderflow.reconcile.wechat;
