package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventTypesUnitTests {

    static Stream<Arguments> servicesAndTheirSealedInterfaces() {
        return Stream.of(
                Arguments.of(EventTypes.ORDER_SERVICE, OrderServiceEvent.class),
                Arguments.of(EventTypes.PAYMENT_SERVICE, PaymentServiceEvent.class),
                Arguments.of(EventTypes.NOTIFY_SERVICE, NotifyServiceEvent.class),
                Arguments.of(EventTypes.RECONCILE_SERVICE, ReconcileServiceEvent.class));
    }

    @ParameterizedTest
    @MethodSource("servicesAndTheirSealedInterfaces")
    void registersEveryRecordOfAServiceAndNothingElse(String service, Class<?> sealedInterface) {
        Set<Class<?>> permitted = Set.of(sealedInterface.getPermittedSubclasses());
        Set<Class<?>> registered = EventTypes.all().stream()
                .filter(type -> type.service().equals(service))
                .map(EventType::recordClass)
                .collect(Collectors.toSet());

        assertThat(registered)
                .as("records registered for service %s", service)
                .containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(permitted).allSatisfy(record -> assertThat(record.isRecord()).isTrue());
    }

    @Test
    void everyEventServiceInterfaceIsAPermittedSubtypeOfOrderflowEvent() {
        assertThat(OrderflowEvent.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(
                        OrderServiceEvent.class,
                        PaymentServiceEvent.class,
                        NotifyServiceEvent.class,
                        ReconcileServiceEvent.class);
    }

    @Test
    void ceTypesAreUniqueAndNamedAfterServiceAndRecord() {
        List<String> ceTypes = EventTypes.all().stream().map(EventType::ceType).toList();

        assertThat(ceTypes).doesNotHaveDuplicates();
        assertThat(EventTypes.all())
                .allSatisfy(type -> assertThat(type.ceType())
                        .matches("orderflow\\.(order|payment|notify|reconcile)\\.[A-Z][A-Za-z]+\\.v1")
                        .isEqualTo("orderflow." + type.service() + "."
                                + type.recordClass().getSimpleName() + ".v1"));
    }

    @Test
    void topicsFollowTheArchitecture() {
        Map<String, String> topicByCeType =
                EventTypes.all().stream().collect(Collectors.toMap(EventType::ceType, EventType::topic));

        assertThat(topicByCeType)
                .containsEntry("orderflow.order.OrderCreated.v1", "orderflow.order.events")
                .containsEntry("orderflow.order.OrderStatusChanged.v1", "orderflow.order.status")
                .containsEntry("orderflow.payment.PrepayFailed.v1", "orderflow.payment.events")
                .containsEntry("orderflow.notify.PaymentNotified.v1", "orderflow.notify.events")
                .containsEntry("orderflow.reconcile.PaymentNotified.v1", "orderflow.reconcile.events");
        assertThat(EventTypes.onTopic(EventTypes.ORDER_STATUS_TOPIC)).containsExactly(EventTypes.ORDER_STATUS_CHANGED);
        // webhook endpoints are keyed by endpoint id, on a topic of their own (docs/adr/0018-shop-webhooks.md)
        assertThat(EventTypes.onTopic(EventTypes.ORDER_WEBHOOKS_TOPIC))
                .containsExactly(EventTypes.WEBHOOK_ENDPOINT_CHANGED);
        assertThat(EventTypes.all())
                .allSatisfy(type -> assertThat(type.topic())
                        .isEqualTo("orderflow." + type.service()
                                + (type.recordClass() == OrderStatusChanged.class
                                        ? ".status"
                                        : type.recordClass() == WebhookEndpointChanged.class
                                                ? ".webhooks"
                                                : ".events")));
    }

    @Test
    void looksTypesUpByCeTypeAndByServiceAndRecord() {
        assertThat(EventTypes.byCeType("orderflow.reconcile.RefundNotified.v1"))
                .contains(EventTypes.RECONCILE_REFUND_NOTIFIED);
        assertThat(EventTypes.byCeType("orderflow.order.OrderCreated.v2")).isEmpty();
        assertThat(EventTypes.forEvent(EventTypes.NOTIFY_SERVICE, PaymentNotified.class))
                .contains(EventTypes.NOTIFY_PAYMENT_NOTIFIED);
        assertThat(EventTypes.forEvent(EventTypes.PAYMENT_SERVICE, PaymentNotified.class))
                .contains(EventTypes.PAYMENT_PAYMENT_NOTIFIED);
        assertThat(EventTypes.forEvent(EventTypes.PAYMENT_SERVICE, RefundNotified.class))
                .isEmpty();
    }

    @Test
    void namesTheCloudEventsSourceOfEachService() {
        assertThat(EventTypes.ORDER_CREATED.source()).isEqualTo("/orderflow/order-service");
        assertThat(EventTypes.RECONCILE_PAYMENT_NOTIFIED.source()).isEqualTo("/orderflow/reconcile-service");
        assertThat(EventTypes.ORDER_CREATED.majorVersion()).isEqualTo(1);
    }

    @Test
    void rejectsACeTypeThatDoesNotNameItsServiceAndRecord() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventType<>(
                        "orderflow.payment.OrderCreated.v1", OrderCreated.class, "orderflow.order.events", "order"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventType<>(
                        "io.orderflow.events.OrderCreated", OrderCreated.class, "orderflow.order.events", "order"));
    }

    @Test
    void locatesSchemaAndFixtureResourcesOnTheClasspath() {
        assertThat(EventTypes.schemaResource(EventTypes.ORDER_CREATED))
                .isEqualTo("io/orderflow/events/schemas/orderflow.order.OrderCreated.v1.schema.json");
        assertThat(EventTypes.all()).allSatisfy(type -> {
            assertThat(getClass().getClassLoader().getResource(EventTypes.schemaResource(type)))
                    .isNotNull();
            assertThat(EventTypes.fixtureResources(type))
                    .isNotEmpty()
                    .allSatisfy(path -> assertThat(path)
                            .startsWith(EventTypes.fixtureDirectory(type))
                            .endsWith(".json"));
        });
    }

    @Test
    void listsEveryServiceInOneOfItsTypes() {
        assertThat(EventTypes.all().stream().map(EventType::service).distinct())
                .containsExactlyInAnyOrder("order", "payment", "notify", "reconcile");
        assertThat(Arrays.stream(EventTypes.class.getFields()).filter(f -> f.getType() == EventType.class))
                .hasSameSizeAs(EventTypes.all());
    }
}
