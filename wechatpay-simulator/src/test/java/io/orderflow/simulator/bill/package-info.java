/** Trade bill format and download through the SDK. */
package io.orderflow.simulator.bill;
