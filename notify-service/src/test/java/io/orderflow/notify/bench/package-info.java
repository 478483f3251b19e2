/** Load drivers for notify-service (run with exec:java, not part of the test suite). */
package io.orderflow.notify.bench;
