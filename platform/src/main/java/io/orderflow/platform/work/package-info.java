/**
 * Workers that claim due rows in batches (each batch one transaction, rows taken with
 * {@code for update skip locked}), woken after commits and polling otherwise; a row that throws
 * is rolled back, counted and retried alone, never taking its batch with it.
 */
package io.orderflow.platform.work;
