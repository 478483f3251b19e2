/**
 * Real infrastructure for tests: one PostgreSQL server and one Kafka broker per test JVM,
 * shared by every Spring context, chosen by environment (embedded by default, external
 * addresses, or Testcontainers when Docker is present).
 */
package io.orderflow.platform.test;
