/** Payment and refund callbacks as the SDK's NotificationParser receives them. */
package io.orderflow.simulator.callback;
