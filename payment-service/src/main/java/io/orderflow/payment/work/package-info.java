/**
 * Background work on due database rows (Kill Bill janitor style): threads claim rows with
 * {@code for update skip locked}, so replicas share the work and each row is worked once,
 * woken after a commit for low latency and polling otherwise.
 */
package io.orderflow.payment.work;
