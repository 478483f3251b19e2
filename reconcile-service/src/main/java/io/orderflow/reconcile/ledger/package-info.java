/**
 * reconcile-service's own ledger of orders, payments and refunds (amounts, WeChat ids, times), built from the
 * events it consumes and read by bill reconciliation; it never reads order-service's database.
 */
package io.orderflow.reconcile.ledger;
