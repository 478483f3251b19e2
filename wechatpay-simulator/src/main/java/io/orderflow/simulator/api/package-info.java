/**
 * The WeChat Pay API v3 surface under /v3: request signature checks, signed responses, the
 * JSAPI order, refund, bill and certificate endpoints, and WeChat's error bodies.
 */
package io.orderflow.simulator.api;
