/** Tests of the expiry timers and the close protocol against the simulator. */
package io.orderflow.reconcile.expiry;
