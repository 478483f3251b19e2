/** JMH measurements of the cryptography every order costs, on its own. */
package io.orderflow.benchmarks.crypto;
