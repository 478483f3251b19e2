/**
 * The ground truth: orders, refunds and callback deliveries with their true state, and the
 * WeChat business rules (re-entrant prepay, paid/closed rules, refund limits) that change them.
 */
package io.orderflow.simulator.ledger;
