/**
 * The wire: events encoded as JSON inside CloudEvents binary-mode Kafka headers, and the
 * consuming side that applies each {@code ce_id} at most once per consumer.
 */
package io.orderflow.platform.messaging;
