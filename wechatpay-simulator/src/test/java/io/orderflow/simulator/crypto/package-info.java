/** Signature and encryption primitives against published test vectors. */
package io.orderflow.simulator.crypto;
