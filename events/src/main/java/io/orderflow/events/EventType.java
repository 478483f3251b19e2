package io.orderflow.events;

import java.util.regex.Pattern;

/**
 * One event type on the wire: its CloudEvents {@code ce_type}, the record its JSON payload binds to, the
 * topic it is published on and the publishing service.
 *
 * @param ceType the CloudEvents type, {@code orderflow.<service>.<RecordName>.v<major>}; required
 * @param recordClass the record the payload binds to; required
 * @param topic the Kafka topic the type is published on, keyed by {@link OrderflowEvent#subject()}; required
 * @param service the publishing service's short name: order, payment, notify or reconcile; required
 * @param <T> the record type
 */
public record EventType<T extends OrderflowEvent>(String ceType, Class<T> recordClass, String topic, String service) {

    static final Pattern CE_TYPE =
            Pattern.compile("orderflow\\.(order|payment|notify|reconcile)\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*");

    public EventType {
        Checks.present(ceType, "ceType");
        Checks.present(recordClass, "recordClass");
        Checks.present(topic, "topic");
        Checks.present(service, "service");
        String prefix = "orderflow." + service + "." + recordClass.getSimpleName() + ".v";
        if (!CE_TYPE.matcher(ceType).matches() || !ceType.startsWith(prefix)) {
            throw new IllegalArgumentException("ce_type must be " + prefix + "<major>: " + ceType);
        }
    }

    /** Creates the version-1 type of a record published by a service. */
    static <T extends OrderflowEvent> EventType<T> v1(String service, Class<T> recordClass, String topic) {
        return new EventType<>(
                "orderflow." + service + "." + recordClass.getSimpleName() + ".v1", recordClass, topic, service);
    }

    /** The CloudEvents {@code ce_source} of the publishing service, for example {@code /orderflow/order-service}. */
    public String source() {
        return EventTypes.source(service);
    }

    /** The major version of the type, 1 for {@code ...v1}. */
    public int majorVersion() {
        return Integer.parseInt(ceType.substring(ceType.lastIndexOf(".v") + 2));
    }
}
