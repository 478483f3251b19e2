/** W3C trace context carried across stored work (outbox rows, workers' due rows), so one trace follows a request. */
package io.orderflow.platform.tracing;
