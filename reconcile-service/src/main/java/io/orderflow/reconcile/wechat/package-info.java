/**
 * How reconcile-service configures platform's WeChat Pay gateway for its calls (query, close, refund query, trade
 * bill): per merchant a resilience4j retry, rate limiter and bulkhead, set in YAML.
 */
package io.orderflow.reconcile.wechat;
