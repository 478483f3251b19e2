/**
 * Workers that claim due rows in batches (each batch one transaction, rows taken with
 * {@code for update skip locked}), woken after commits and polling otherwise; a row that throws
 * is rolled back, counted and retried alone, never taking its batch with it. Beside them,
 * {@link io.orderflow.platform.work.PeriodicTask}: one task run every interval on its own thread.
 */
package io.orderflow.platform.work;
