/** The ledger as the order topics build it. */
package io.orderflow.reconcile.ledger;
