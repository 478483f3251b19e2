/** WeChat endpoints through the official SDK and hand-signed requests: success and error paths, signatures, key modes. */
package io.orderflow.simulator.api;
