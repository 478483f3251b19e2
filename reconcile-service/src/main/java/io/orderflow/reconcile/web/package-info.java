/**
 * The operator API behind the operator's bearer token: what reconcile-service could not settle yet, and bill
 * reconciliation runs and reports.
 */
package io.orderflow.reconcile.web;
