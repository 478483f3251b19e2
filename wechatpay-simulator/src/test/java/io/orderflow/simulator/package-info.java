/** Embedding API tests: a simulator started the way other modules start it. */
package io.orderflow.simulator;
