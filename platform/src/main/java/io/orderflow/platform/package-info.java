/**
 * What every orderflow service stands on: the transactional outbox and its relay, the
 * idempotent consumer, and the CloudEvents envelope around the {@code events} contract.
 */
package io.orderflow.platform;
