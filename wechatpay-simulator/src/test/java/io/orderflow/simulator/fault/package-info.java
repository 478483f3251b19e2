/** Every fault kind, observed from the client's or the notify endpoint's side. */
package io.orderflow.simulator.fault;
