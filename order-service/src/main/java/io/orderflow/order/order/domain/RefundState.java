package io.orderflow.order.order.domain;

import io.orderflow.events.RefundStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * A refund record's local status: WeChat's four plus REQUESTED (not yet accepted by WeChat) and
 * REJECTED (refused by WeChat at submission). Changes only move forward, so duplicate and
 * reordered refund events change nothing; a REJECTED refund that WeChat later reports is taken as WeChat reports it.
 */
public enum RefundState {
    REQUESTED,
    PROCESSING,
    SUCCESS,
    CLOSED,
    ABNORMAL,
    REJECTED;

    static RefundState of(RefundStatus status) {
        return valueOf(status.name());
    }

    /** The status in event snapshots: REQUESTED reads PROCESSING, REJECTED reads CLOSED. */
    public RefundStatus published() {
        return switch (this) {
            case REQUESTED, PROCESSING -> RefundStatus.PROCESSING;
            case SUCCESS -> RefundStatus.SUCCESS;
            case CLOSED, REJECTED -> RefundStatus.CLOSED;
            case ABNORMAL -> RefundStatus.ABNORMAL;
        };
    }

    /** Whether the money may still leave: counts against the refundable remainder (ABNORMAL may still succeed). */
    public boolean inFlight() {
        return this == REQUESTED || this == PROCESSING || this == ABNORMAL;
    }

    /** Whether WeChat holds this refund: accepted and not closed. An order is REFUND while it has one. */
    public boolean held() {
        return this == PROCESSING || this == SUCCESS || this == ABNORMAL;
    }

    boolean canBecome(RefundState next) {
        return successors().contains(next);
    }

    private Set<RefundState> successors() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(PROCESSING, SUCCESS, CLOSED, ABNORMAL, REJECTED);
            case PROCESSING -> EnumSet.of(SUCCESS, CLOSED, ABNORMAL);
            case ABNORMAL -> EnumSet.of(SUCCESS, CLOSED);
            // refused at submission, yet WeChat may report it (a lost answer, a retry): what WeChat says wins
            case REJECTED -> EnumSet.of(PROCESSING, SUCCESS, CLOSED, ABNORMAL);
            case SUCCESS, CLOSED -> EnumSet.noneOf(RefundState.class);
        };
    }
}
