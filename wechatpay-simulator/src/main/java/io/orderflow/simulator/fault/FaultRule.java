package io.orderflow.simulator.fault;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/**
 * One fault rule, answered by the control API in the field names it accepts. {@code mchid} null means every
 * merchant; {@code pathPrefix} narrows API faults to some endpoints: a prefix of the path, where {@code *} stands
 * for one path segment (or part of one) and a final {@code $} asks for the whole path, so
 * {@code /v3/refund/domestic/refunds$} is the refund application but not its query. {@code remaining} (uses left,
 * {@code count} on the wire) below zero means unlimited. {@code amount} is the kind's parameter: milliseconds for
 * LATENCY, DELAY_CALLBACK, HOLD_REQUEST and HOLD_RESPONSE (the longest hold), extra copies for DUPLICATE_CALLBACK,
 * the window size for REORDER_CALLBACKS; {@code field} is MISSING_FIELD's: the top-level field left out of the
 * answer.
 */
public record FaultRule(
        String id,
        FaultKind kind,
        String mchid,
        @JsonProperty("path_prefix") String pathPrefix,
        double probability,
        @JsonProperty("count") int remaining,
        long amount,
        String field) {

    boolean appliesTo(String merchant, String path) {
        return (mchid == null || mchid.equals(merchant))
                && (pathPrefix == null || path == null || matches(pathPrefix, path));
    }

    FaultRule used() {
        return new FaultRule(id, kind, mchid, pathPrefix, probability, remaining - 1, amount, field);
    }

    static boolean matches(String prefix, String path) {
        boolean whole = prefix.endsWith("$");
        String pattern = whole ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!pattern.contains("*")) {
            return whole ? path.equals(pattern) : path.startsWith(pattern);
        }
        String regex = Pattern.quote(pattern).replace("*", "\\E[^/]*\\Q") + (whole ? "" : ".*");
        return Pattern.matches(regex, path);
    }
}
