/**
 * Kafka adapters: one consumer function per topic order-service reads, each decoding through the
 * idempotent consumer and handing the event to {@code OrderLifecycle}.
 */
package io.orderflow.order.order.messaging;
