/** Benchmarks of reconcile-service, run as {@code main} programs (see benchmarks/README.md), never as tests. */
package io.orderflow.reconcile.bench;
