package io.orderflow.order.order;

import io.orderflow.events.RefundStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * A refund record's local status: WeChat's four plus REQUESTED (not yet accepted by WeChat) and
 * REJECTED (refused by WeChat at submission). Changes only move forward, so duplicate and
 * reordered refund events change nothing.
 */
public enum RefundState {
    REQUESTED, PROCESSING, SUCCESS, CLOSED, ABNORMAL, REJECTED;

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

    /** Whether the money may still leave: counts against the refundable remainder. */
    public boolean inFlight() {
        return this == REQUESTED || this == PROCESSING;
    }

    boolean canBecome(RefundState next) {
        return successors().contains(next);
    }

    private Set<RefundState> successors() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(PROCESSING, SUCCESS, CLOSED, ABNORMAL, REJECTED);
            case PROCESSING -> EnumSet.of(SUCCESS, CLOSED, ABNORMAL);
            case ABNORMAL -> EnumSet.of(SUCCESS, CLOSED);
            case SUCCESS, CLOSED, REJECTED -> EnumSet.noneOf(RefundState.class);
        };
    }
}
