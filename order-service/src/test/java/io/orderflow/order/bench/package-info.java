/** A benchmark of the shop API, run by hand (not a test): see order-service/README.md. */
package io.orderflow.order.bench;
