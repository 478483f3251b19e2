/** Kafka function beans: decode, apply once through the inbox, hand over to the core packages. */
package io.orderflow.reconcile.messaging;
