/**
 * Trade bills rendered from the ledger in WeChat's file format (BOM, CRLF, back-quoted fields,
 * yuan amounts, summary rows) and the short-lived download tokens that serve them.
 */
package io.orderflow.simulator.bill;
