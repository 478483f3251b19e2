/**
 * Durable expiry timers (armed by OrderCreated, fired at once by CloseRequested, cancelled by a terminal
 * status) and the close protocol a fired timer runs against WeChat: query, then close, and report
 * TimeoutExpired only once WeChat confirms the close (or PaymentNotified when the order was paid).
 */
package io.orderflow.reconcile.expiry;
