package io.orderflow.systemtest;

import io.orderflow.platform.test.TopicProbe;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The shop's side of its webhooks against {@code orderflow.order.status}, order by order: every status change on
 * the topic (distinct ce_id) reached the shop's receiver at least once, as the same change (order, version,
 * status); nothing reached it that is not on the topic; the highest version delivered is the order's last one,
 * with the status the API shows; and every delivery's signature passed the documented check with the endpoint's
 * secret.
 */
final class WebhookDeliveryCheck {

    static final String DELIVERED = "webhooks: every status change delivered at least once, as on the topic";
    static final String LAST = "webhooks: last delivered version = last status version, status = API";
    static final String SIGNED = "webhooks: every delivery's signature verifies with the endpoint's secret";

    private WebhookDeliveryCheck() {}

    /** A status change as {@code orderflow.order.status} carries it. */
    record Change(String ceId, long version, String to) {

        static List<Change> of(List<TopicProbe.Received> records) {
            return StatusRecords.distinctByCeId(records).stream()
                    .map(r -> new Change(
                            r.header("ce_id"),
                            StatusRecords.json(r).path("version").asLong(),
                            StatusRecords.field(r, "to")))
                    .toList();
        }
    }

    /**
     * Checks one order.
     *
     * @param changes the order's status changes on the topic
     * @param deliveries what the receiver acknowledged for the order (every attempt it answered 2xx)
     * @param apiStatus the order's status as the shop API shows it at the end
     */
    static void check(
            CheckTable table,
            String orderId,
            List<Change> changes,
            List<WebhookReceiver.Delivery> deliveries,
            String apiStatus) {
        Map<String, List<WebhookReceiver.Delivery>> byCeId = deliveries.stream()
                .collect(
                        Collectors.groupingBy(WebhookReceiver.Delivery::ceId, LinkedHashMap::new, Collectors.toList()));
        for (Change change : changes) {
            table.count(DELIVERED, true);
            List<WebhookReceiver.Delivery> received = byCeId.getOrDefault(change.ceId(), List.of());
            if (received.isEmpty()) {
                table.differ(
                        DELIVERED,
                        orderId + " version " + change.version() + " (" + change.to() + ", ce-id " + change.ceId()
                                + ") never delivered");
            }
            received.stream()
                    .filter(d -> !orderId.equals(d.orderId())
                            || d.version() != change.version()
                            || !change.to().equals(d.to()))
                    .findFirst()
                    .ifPresent(d -> table.differ(
                            DELIVERED,
                            orderId
                                    + " ce-id " + change.ceId() + " delivered as " + d.orderId() + " version "
                                    + d.version() + " "
                                    + d.to() + ", on the topic version " + change.version() + " " + change.to()));
        }
        Set<String> onTopic = changes.stream().map(Change::ceId).collect(Collectors.toSet());
        byCeId.keySet().stream()
                .filter(ceId -> !onTopic.contains(ceId))
                .forEach(ceId ->
                        table.differ(DELIVERED, orderId + " ce-id " + ceId + " delivered but not on the topic"));

        table.count(LAST, true);
        Change last =
                changes.stream().max(Comparator.comparingLong(Change::version)).orElse(null);
        WebhookReceiver.Delivery lastDelivered = deliveries.stream()
                .max(Comparator.comparingLong(WebhookReceiver.Delivery::version))
                .orElse(null);
        if (last == null
                || lastDelivered == null
                || lastDelivered.version() != last.version()
                || !Objects.equals(lastDelivered.to(), apiStatus)) {
            table.differ(
                    LAST,
                    orderId + " last delivered "
                            + (lastDelivered == null
                                    ? "none"
                                    : "version " + lastDelivered.version() + " " + lastDelivered.to())
                            + ", last on the topic "
                            + (last == null ? "none" : "version " + last.version() + " " + last.to()) + ", API "
                            + apiStatus);
        }

        for (WebhookReceiver.Delivery delivery : deliveries) {
            table.count(SIGNED, true);
            if (!delivery.signatureValid()) {
                table.differ(
                        SIGNED,
                        orderId + " version " + delivery.version() + " attempt " + delivery.attempt() + " (ce-id "
                                + delivery.ceId() + "): signature does not verify");
            }
        }
    }

    /** The receiver's deliveries by order. */
    static Map<String, List<WebhookReceiver.Delivery>> byOrder(Collection<WebhookReceiver.Delivery> deliveries) {
        return deliveries.stream().collect(Collectors.groupingBy(WebhookReceiver.Delivery::orderId));
    }

    /**
     * Waits (bounded) until every change of these orders on the topic has been delivered: a delivery that failed
     * while the receiver was away waits for its next retry (the time-scaled schedule).
     *
     * @param changes reads the orders' changes from the topic again
     */
    static void awaitDeliveries(
            WebhookReceiver receiver, Supplier<Map<String, List<Change>>> changes, Duration atMost) {
        try {
            Awaitility.await("webhook deliveries of every status change")
                    .atMost(atMost)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Set<String> delivered = receiver.deliveries().stream()
                                .map(WebhookReceiver.Delivery::ceId)
                                .collect(Collectors.toSet());
                        return changes.get().values().stream()
                                .flatMap(List::stream)
                                .allMatch(change -> delivered.contains(change.ceId()));
                    });
        } catch (ConditionTimeoutException e) {
            // the check that follows names each change never delivered
        }
    }
}
