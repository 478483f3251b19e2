/**
 * The orderflow event contract: one plain Java record per fact that a service publishes on Kafka,
 * grouped under a sealed interface per publishing service, and the registry {@link io.orderflow.events.EventTypes}
 * that maps each CloudEvents {@code ce_type} to its record, topic, JSON Schema and golden fixtures.
 * It depends on nothing but the JDK so that every service, and every consumer in any language, can share it.
 */
package io.orderflow.events;
