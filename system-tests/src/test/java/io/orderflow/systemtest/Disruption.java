package io.orderflow.systemtest;

import java.util.List;

/**
 * What a {@link Scenario} does to the system while it runs: called before each action of a phase (a payer
 * paying, a shop's refund, a shop's close) and once the phase's last action was sent, before the scenario
 * waits for the outcome. A disruption that takes something away brings it back by the end of the phase.
 */
interface Disruption {

    /** The scenario's phases with actions a disruption can fall between. */
    enum Phase {
        PAYMENTS,
        REFUNDS,
        CLOSES
    }

    /**
     * Before the action on {@code orderIds.get(index)}.
     *
     * @param orderIds the orders the phase acts on, in the order it does
     */
    default void before(Phase phase, int index, List<String> orderIds) {}

    /** After the phase's last action was sent. */
    default void after(Phase phase) {}

    /** Something taken away before the first payment and brought back after the last one. */
    static Disruption whilePayersPay(Runnable down, Runnable up) {
        return new Disruption() {
            @Override
            public void before(Phase phase, int index, List<String> orderIds) {
                if (phase == Phase.PAYMENTS && index == 0) {
                    down.run();
                }
            }

            @Override
            public void after(Phase phase) {
                if (phase == Phase.PAYMENTS) {
                    up.run();
                }
            }
        };
    }
}
