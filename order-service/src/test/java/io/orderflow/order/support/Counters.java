package io.orderflow.order.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads the service's counters, which it registers on first use: a counter not registered yet counts 0. */
public final class Counters {

    private Counters() {}

    /** The count of the counter with this name and these tags (key, value, key, value, …), 0 if there is none yet. */
    public static double count(MeterRegistry meters, String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
