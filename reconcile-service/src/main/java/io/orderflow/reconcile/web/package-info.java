/** Operator endpoints: what reconcile-service could not settle yet. */
package io.orderflow.reconcile.web;
