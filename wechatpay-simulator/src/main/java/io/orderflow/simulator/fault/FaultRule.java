package io.orderflow.simulator.fault;

/**
 * One fault rule. {@code mchid} null means every merchant; {@code pathPrefix} narrows API faults
 * to some endpoints; {@code remaining} below zero means unlimited. {@code amount} is the kind's
 * parameter: milliseconds for LATENCY and DELAY_CALLBACK, extra copies for DUPLICATE_CALLBACK,
 * the window size for REORDER_CALLBACKS.
 */
public record FaultRule(String id, FaultKind kind, String mchid, String pathPrefix, double probability,
        int remaining, long amount) {

    boolean appliesTo(String merchant, String path) {
        return (mchid == null || mchid.equals(merchant))
                && (pathPrefix == null || path == null || path.startsWith(pathPrefix));
    }

    FaultRule used() {
        return new FaultRule(id, kind, mchid, pathPrefix, probability, remaining - 1, amount);
    }
}
