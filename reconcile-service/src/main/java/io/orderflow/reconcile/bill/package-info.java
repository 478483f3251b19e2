/**
 * Daily trade-bill reconciliation: fetch WeChat's bill of a day (SHA-1 checked), stream-parse its file format,
 * compare it both ways with the ledger, repair what a query confirms, store the run and its discrepancies.
 */
package io.orderflow.reconcile.bill;
