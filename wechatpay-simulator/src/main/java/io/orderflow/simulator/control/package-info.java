/**
 * The control API under /sim/v1, separate from WeChat's paths: act as the payer, force refund
 * outcomes, set faults and the auto-payer, read the ledger, and the JSAPI bridge shim.
 */
package io.orderflow.simulator.control;
