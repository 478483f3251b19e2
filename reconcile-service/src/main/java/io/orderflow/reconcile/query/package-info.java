/**
 * Active queries (补单): orders with pay params and no verdict, and refunds in PROCESSING, are queried at WeChat
 * on a rising schedule, so a lost callback still ends in PaymentNotified / RefundNotified (source QUERY).
 */
package io.orderflow.reconcile.query;
