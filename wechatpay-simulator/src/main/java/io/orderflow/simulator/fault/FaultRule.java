package io.orderflow.simulator.fault;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One fault rule, answered by the control API in the field names it accepts. {@code mchid} null means every
 * merchant; {@code pathPrefix} narrows API faults to some endpoints; {@code remaining} (uses left, {@code count}
 * on the wire) below zero means unlimited. {@code amount} is the kind's parameter: milliseconds for LATENCY and
 * DELAY_CALLBACK, extra copies for DUPLICATE_CALLBACK, the window size for REORDER_CALLBACKS; {@code field} is
 * MISSING_FIELD's: the top-level field left out of the answer.
 */
public record FaultRule(String id, FaultKind kind, String mchid, @JsonProperty("path_prefix") String pathPrefix,
        double probability, @JsonProperty("count") int remaining, long amount, String field) {

    boolean appliesTo(String merchant, String path) {
        return (mchid == null || mchid.equals(merchant))
                && (pathPrefix == null || path == null || path.startsWith(pathPrefix));
    }

    FaultRule used() {
        return new FaultRule(id, kind, mchid, pathPrefix, probability, remaining - 1, amount, field);
    }
}
