/** The operator endpoints' adapters, tested without the service around them. */
package io.orderflow.reconcile.web;
