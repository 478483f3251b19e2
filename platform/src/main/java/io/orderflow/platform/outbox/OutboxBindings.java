package io.orderflow.platform.outbox;

/**
 * Names of the output bindings through which the relay publishes: one per topic, named for the topic as the
 * consumers' bindings are ({@code orderStatus-in-0} reads {@code orderflow.order.status}).
 */
public final class OutboxBindings {

    private static final String PREFIX = "orderflow.";

    private OutboxBindings() {}

    /** {@code orderflow.order.status} is published through binding {@code orderStatus-out-0}. */
    public static String bindingName(String topic) {
        if (!topic.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an orderflow topic: " + topic);
        }
        String[] words = topic.substring(PREFIX.length()).split("\\.");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.append("-out-0").toString();
    }
}
