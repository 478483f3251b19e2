package io.orderflow.events;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the compact constructors of the event records. */
final class Checks {

    private Checks() {}

    static <T> T present(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required");
    }

    static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    static Long nonNegative(Long value, String name) {
        return value == null ? null : nonNegative(value.longValue(), name);
    }

    static Integer nonNegative(Integer value, String name) {
        return value == null ? null : Math.toIntExact(nonNegative(value.longValue(), name));
    }

    static <T> List<T> listOf(List<T> values, String name) {
        return List.copyOf(present(values, name));
    }
}
