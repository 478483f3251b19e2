/** Bill reconciliation: the file format on byte-exact fixtures, and whole runs against the simulator's bills. */
package io.orderflow.reconcile.bill;
