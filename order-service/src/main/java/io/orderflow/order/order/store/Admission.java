package io.orderflow.order.order.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The risk limits a new order's insert must pass. The order repository checks them in the insert itself
 * (PostgreSQL function {@code risk_admits}, V3 migration: the shop's own limits over these defaults, the payer
 * blocklists, the payer's window after the payer's advisory lock), so an admitted order costs no round trip
 * beyond its own insert. Which limits apply is the {@link AdmissionPolicy}'s decision.
 *
 * @param at the instant the payer's window ends
 * @param payerWindow how far back the payer's orders count, unless the shop has its own
 * @param maxOrderAmountFen the largest amount of one order in fen, unless the shop has its own
 * @param payerMaxOrders how many orders the payer may already have in the window, unless the shop has its own
 * @param payerMaxAmountFen how much the payer's orders in the window may total with this one in fen, unless the
 *     shop has its own
 */
public record Admission(
        Instant at, Duration payerWindow, long maxOrderAmountFen, int payerMaxOrders, long payerMaxAmountFen) {}
