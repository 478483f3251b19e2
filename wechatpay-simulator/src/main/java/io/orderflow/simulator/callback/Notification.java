package io.orderflow.simulator.callback;

import io.orderflow.simulator.ledger.Order;

/** One notification as WeChat keeps it for retries: the same id and raw body on every attempt. */
record Notification(String id, String eventType, Order order, String outRefundNo, String url, String body) {}
