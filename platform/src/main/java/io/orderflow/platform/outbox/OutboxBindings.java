package io.orderflow.platform.outbox;

/** Names of the output bindings through which the relay publishes: one per topic. */
public final class OutboxBindings {

    private OutboxBindings() {}

    /** {@code orderflow.order.status} is published through binding {@code orderflow-order-status}. */
    public static String bindingName(String topic) {
        return topic.replace('.', '-');
    }
}
