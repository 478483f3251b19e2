/** Key loading, generation and lookup. */
package io.orderflow.simulator.keys;
