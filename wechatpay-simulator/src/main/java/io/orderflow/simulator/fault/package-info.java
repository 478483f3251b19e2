/**
 * Fault injection: rules set through the control API, per merchant or global, drawn from one
 * seeded random source so a run with the same seed and request order fails the same way.
 */
package io.orderflow.simulator.fault;
