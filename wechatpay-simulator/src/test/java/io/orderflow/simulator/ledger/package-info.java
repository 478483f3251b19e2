/** Business rules with a clock the tests control. */
package io.orderflow.simulator.ledger;
