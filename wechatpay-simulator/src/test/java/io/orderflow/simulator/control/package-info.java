/** The control API, the ledger and the WeixinJSBridge shim in headless Chromium. */
package io.orderflow.simulator.control;
