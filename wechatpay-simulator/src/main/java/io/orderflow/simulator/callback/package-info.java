/**
 * Payment and refund notifications: AES-256-GCM encrypted resources, signed POSTs to the
 * notify_url, WeChat's retry schedule (time-scaled) and the injected callback faults.
 */
package io.orderflow.simulator.callback;
