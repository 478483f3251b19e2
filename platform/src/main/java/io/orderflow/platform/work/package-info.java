/**
 * Workers that claim due rows in batches (each batch one transaction, rows taken with
 * {@code for update skip locked}), woken after commits and polling otherwise.
 */
package io.orderflow.platform.work;
