package io.orderflow.order.risk;

import java.util.Map;

/**
 * The risk controls' condition on a new order's insert: a boolean SQL expression with its named
 * parameters (all prefixed {@code risk}), which the order repository puts in the insert's {@code where}.
 * An admitted order so costs no round trip beyond its own insert; an order the condition refuses is not
 * inserted, and {@link CreateRisk#explain} then says which limit refused it.
 *
 * @param condition the SQL expression; {@code true} when the controls are off
 * @param parameters its named parameters
 */
public record Admission(String condition, Map<String, Object> parameters) {

    /** No condition: the controls are off, or an explanation found that the order passes after all. */
    public static final Admission ANY = new Admission("true", Map.of());

    public Admission {
        parameters = Map.copyOf(parameters);
        if (parameters.keySet().stream().anyMatch(name -> !name.startsWith("risk"))) {
            throw new IllegalArgumentException("admission parameters must be prefixed 'risk': " + parameters.keySet());
        }
    }
}
