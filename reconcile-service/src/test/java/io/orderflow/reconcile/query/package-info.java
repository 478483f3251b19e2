/** Tests of the active queries (补单) against the simulator. */
package io.orderflow.reconcile.query;
