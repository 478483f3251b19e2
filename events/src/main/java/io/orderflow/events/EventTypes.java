package io.orderflow.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The registry of every event type: {@code ce_type} to record, topic and publishing service, plus the
 * classpath locations of each type's JSON Schema and golden fixtures.
 */
public final class EventTypes {

    public static final String ORDER_SERVICE = "order";
    public static final String PAYMENT_SERVICE = "payment";
    public static final String NOTIFY_SERVICE = "notify";
    public static final String RECONCILE_SERVICE = "reconcile";

    public static final String ORDER_EVENTS_TOPIC = "orderflow.order.events";
    /** The public topic for downstream consumers: OrderStatusChanged only. */
    public static final String ORDER_STATUS_TOPIC = "orderflow.order.status";
    /** Shops' webhook endpoints, keyed by endpoint id, for notify-service: WebhookEndpointChanged only. */
    public static final String ORDER_WEBHOOKS_TOPIC = "orderflow.order.webhooks";

    public static final String PAYMENT_EVENTS_TOPIC = "orderflow.payment.events";
    public static final String NOTIFY_EVENTS_TOPIC = "orderflow.notify.events";
    public static final String RECONCILE_EVENTS_TOPIC = "orderflow.reconcile.events";

    public static final EventType<OrderCreated> ORDER_CREATED = order(OrderCreated.class);
    public static final EventType<CloseRequested> CLOSE_REQUESTED = order(CloseRequested.class);
    public static final EventType<RefundRequested> REFUND_REQUESTED = order(RefundRequested.class);
    public static final EventType<OrderAnomalyDetected> ORDER_ANOMALY_DETECTED = order(OrderAnomalyDetected.class);
    public static final EventType<RiskAlertRaised> ORDER_RISK_ALERT_RAISED = order(RiskAlertRaised.class);
    public static final EventType<OrderStatusChanged> ORDER_STATUS_CHANGED =
            EventType.v1(ORDER_SERVICE, OrderStatusChanged.class, ORDER_STATUS_TOPIC);
    public static final EventType<WebhookEndpointChanged> WEBHOOK_ENDPOINT_CHANGED =
            EventType.v1(ORDER_SERVICE, WebhookEndpointChanged.class, ORDER_WEBHOOKS_TOPIC);
    public static final EventType<PaymentRequested> PAYMENT_REQUESTED = payment(PaymentRequested.class);
    public static final EventType<PrepayFailed> PREPAY_FAILED = payment(PrepayFailed.class);
    public static final EventType<RefundSubmitted> REFUND_SUBMITTED = payment(RefundSubmitted.class);
    public static final EventType<RefundRejected> REFUND_REJECTED = payment(RefundRejected.class);
    public static final EventType<PaymentNotified> PAYMENT_PAYMENT_NOTIFIED = payment(PaymentNotified.class);
    public static final EventType<PaymentNotified> NOTIFY_PAYMENT_NOTIFIED = notify(PaymentNotified.class);
    public static final EventType<RefundNotified> NOTIFY_REFUND_NOTIFIED = notify(RefundNotified.class);
    public static final EventType<RiskAlertRaised> NOTIFY_RISK_ALERT_RAISED = notify(RiskAlertRaised.class);
    public static final EventType<TimeoutExpired> TIMEOUT_EXPIRED = reconcile(TimeoutExpired.class);
    public static final EventType<PaymentNotified> RECONCILE_PAYMENT_NOTIFIED = reconcile(PaymentNotified.class);
    public static final EventType<RefundNotified> RECONCILE_REFUND_NOTIFIED = reconcile(RefundNotified.class);
    public static final EventType<ReconciliationCompleted> RECONCILIATION_COMPLETED =
            reconcile(ReconciliationCompleted.class);
    public static final EventType<DiscrepancyFound> DISCREPANCY_FOUND = reconcile(DiscrepancyFound.class);
    public static final EventType<RiskAlertRaised> RECONCILE_RISK_ALERT_RAISED = reconcile(RiskAlertRaised.class);

    private static final List<EventType<?>> ALL = List.of(
            ORDER_CREATED,
            CLOSE_REQUESTED,
            REFUND_REQUESTED,
            ORDER_ANOMALY_DETECTED,
            ORDER_RISK_ALERT_RAISED,
            ORDER_STATUS_CHANGED,
            WEBHOOK_ENDPOINT_CHANGED,
            PAYMENT_REQUESTED,
            PREPAY_FAILED,
            REFUND_SUBMITTED,
            REFUND_REJECTED,
            PAYMENT_PAYMENT_NOTIFIED,
            NOTIFY_PAYMENT_NOTIFIED,
            NOTIFY_REFUND_NOTIFIED,
            NOTIFY_RISK_ALERT_RAISED,
            TIMEOUT_EXPIRED,
            RECONCILE_PAYMENT_NOTIFIED,
            RECONCILE_REFUND_NOTIFIED,
            RECONCILIATION_COMPLETED,
            DISCREPANCY_FOUND,
            RECONCILE_RISK_ALERT_RAISED);

    private static final String RESOURCE_ROOT = "io/orderflow/events/";
    private static final String FIXTURE_INDEX = RESOURCE_ROOT + "fixtures/index.txt";

    private EventTypes() {}

    /** Every registered event type, grouped by service in publishing order. */
    public static List<EventType<?>> all() {
        return ALL;
    }

    /** The type with the given {@code ce_type}, empty when unknown (consumers skip or dead-letter it). */
    public static Optional<EventType<?>> byCeType(String ceType) {
        return ALL.stream().filter(type -> type.ceType().equals(ceType)).findFirst();
    }

    /** The type under which a service publishes a record class, empty when that service does not publish it. */
    @SuppressWarnings("unchecked")
    public static <T extends OrderflowEvent> Optional<EventType<T>> forEvent(String service, Class<T> recordClass) {
        return ALL.stream()
                .filter(type ->
                        type.service().equals(service) && type.recordClass().equals(recordClass))
                .map(type -> (EventType<T>) type)
                .findFirst();
    }

    /**
     * The type of an event instance. Records published by one service map to that service's type;
     * PaymentNotified and RefundNotified map by their source: CALLBACK to notify, PREPAY to payment, QUERY and
     * BILL to reconcile; RiskAlertRaised maps by the service of its kind.
     */
    public static EventType<?> of(OrderflowEvent event) {
        String service;
        if (event instanceof PaymentNotified payment) {
            service = serviceOf(payment.source());
        } else if (event instanceof RefundNotified refund) {
            service = serviceOf(refund.source());
        } else if (event instanceof RiskAlertRaised alert) {
            service = alert.kind().service();
        } else if (event instanceof OrderServiceEvent) {
            service = ORDER_SERVICE;
        } else if (event instanceof PaymentServiceEvent) {
            service = PAYMENT_SERVICE;
        } else {
            service = RECONCILE_SERVICE;
        }
        return forEvent(service, event.getClass()).orElseThrow();
    }

    /** The event types published on a topic. */
    public static List<EventType<?>> onTopic(String topic) {
        return ALL.stream().filter(type -> type.topic().equals(topic)).toList();
    }

    /** The CloudEvents {@code ce_source} of a service, for example {@code /orderflow/order-service}. */
    public static String source(String service) {
        return "/orderflow/" + service + "-service";
    }

    /** Classpath path (no leading slash) of a type's JSON Schema, draft 2020-12. */
    public static String schemaResource(EventType<?> type) {
        return RESOURCE_ROOT + "schemas/" + type.ceType() + ".schema.json";
    }

    /** Classpath path (no leading slash, trailing slash) of the folder holding a type's golden fixtures. */
    public static String fixtureDirectory(EventType<?> type) {
        return RESOURCE_ROOT + "fixtures/" + type.ceType() + "/";
    }

    /** Classpath paths of a type's golden JSON fixtures, read from the fixture index shipped in the jar. */
    public static List<String> fixtureResources(EventType<?> type) {
        return fixtureIndex().stream()
                .filter(path -> path.startsWith(fixtureDirectory(type)))
                .toList();
    }

    private static List<String> fixtureIndex() {
        InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(FIXTURE_INDEX);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + FIXTURE_INDEX);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> RESOURCE_ROOT + "fixtures/" + line)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String serviceOf(NotificationSource source) {
        return switch (source) {
            case CALLBACK -> NOTIFY_SERVICE;
            case PREPAY -> PAYMENT_SERVICE;
            case QUERY, BILL -> RECONCILE_SERVICE;
        };
    }

    private static <T extends OrderflowEvent> EventType<T> order(Class<T> recordClass) {
        return EventType.v1(ORDER_SERVICE, recordClass, ORDER_EVENTS_TOPIC);
    }

    private static <T extends OrderflowEvent> EventType<T> payment(Class<T> recordClass) {
        return EventType.v1(PAYMENT_SERVICE, recordClass, PAYMENT_EVENTS_TOPIC);
    }

    private static <T extends OrderflowEvent> EventType<T> notify(Class<T> recordClass) {
        return EventType.v1(NOTIFY_SERVICE, recordClass, NOTIFY_EVENTS_TOPIC);
    }

    private static <T extends OrderflowEvent> EventType<T> reconcile(Class<T> recordClass) {
        return EventType.v1(RECONCILE_SERVICE, recordClass, RECONCILE_EVENTS_TOPIC);
    }
}
