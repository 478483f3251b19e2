/** Test fixtures: the shared simulator, a production-configured SDK client and a callback receiver. */
package io.orderflow.simulator.support;
