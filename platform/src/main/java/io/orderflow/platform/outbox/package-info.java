/**
 * The transactional outbox: events are appended in the caller's database transaction and
 * a single active relay per service publishes them in commit order per key.
 */
package io.orderflow.platform.outbox;
