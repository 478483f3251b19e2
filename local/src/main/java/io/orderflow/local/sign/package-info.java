/**
 * The shop API's request signature, written from its specification, and a command line that prints the
 * {@code Authorization} header for a request so that plain curl can call the shop API.
 */
package io.orderflow.local.sign;
