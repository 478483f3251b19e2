/**
 * System tests: each service runs as its own OS process from its packaged jar, against the
 * shared real PostgreSQL, a real Kafka broker and the WeChat Pay simulator, driven through
 * the shop API like a real shop and observed on {@code orderflow.order.status}.
 */
package io.orderflow.systemtest;
