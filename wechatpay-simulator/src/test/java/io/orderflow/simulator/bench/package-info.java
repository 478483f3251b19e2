/** A load driver (not a test) that measures what the simulator sustains on this machine. */
package io.orderflow.simulator.bench;
