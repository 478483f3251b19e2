package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records enforce what their schemas promise: required components, non-negative money, subjects. */
class RecordsUnitTests {

    /** One valid instance of every record, top-level and nested, taken from the golden fixtures. */
    static Stream<Record> samples() {
        OrderStatusChanged refunded = (OrderStatusChanged) Fixture.all()
                .filter(fixture -> fixture.toString().endsWith("refund-succeeded.json"))
                .findFirst()
                .orElseThrow()
                .event();
        PaymentRequested prepaid = (PaymentRequested)
                EventContractUnitTests.fixtureOf(EventTypes.PAYMENT_REQUESTED).event();
        Stream<Record> events = EventTypes.all().stream()
                .map(type -> (Record) EventContractUnitTests.fixtureOf(type).event());
        return Stream.concat(
                events,
                Stream.of(
                        refunded.order(),
                        refunded.order().refunds().get(0),
                        refunded.order().amount(),
                        prepaid.payParams()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void rejectsNullOnlyInRequiredComponents(Record sample) {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                continue;
            }
            int index = i;
            if (components[i].isAnnotationPresent(Nullable.class)) {
                assertThat(copyWith(sample, index, null)).isNotNull();
            } else {
                assertThatNullPointerException()
                        .as("null %s", components[i].getName())
                        .isThrownBy(() -> copyWith(sample, index, null))
                        .withMessage(components[i].getName() + " is required");
            }
        }
    }

    @Test
    void moneyIsNonNegativeFenWithAnIsoCurrency() {
        assertThat(Money.cny(8800)).isEqualTo(new Money(8800, "CNY"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(-1, "CNY"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(100, " "));
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(100, "cny"));
    }

    @Test
    void statusVersionsStartAtOne() {
        OrderStatusChanged created =
                (OrderStatusChanged) EventContractUnitTests.fixtureOf(EventTypes.ORDER_STATUS_CHANGED)
                        .event();

        assertThatThrownBy(() -> copyWith(created, 3, 0L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotRefundsAreAnImmutableCopy() {
        OrderSnapshot snapshot = ((OrderStatusChanged) EventContractUnitTests.fixtureOf(EventTypes.ORDER_STATUS_CHANGED)
                        .event())
                .order();
        List<RefundSnapshot> refunds = new ArrayList<>();
        OrderSnapshot copy = (OrderSnapshot) copyWith(snapshot, 6, refunds);
        refunds.add(null);

        assertThat(copy.refunds()).isEmpty();
        assertThatThrownBy(() -> copy.refunds().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reconciliationEventsUseTheRunSubjectUnlessAnOrderIsNamed() {
        ReconciliationCompleted run =
                (ReconciliationCompleted) EventContractUnitTests.fixtureOf(EventTypes.RECONCILIATION_COMPLETED)
                        .event();
        DiscrepancyFound found = (DiscrepancyFound)
                EventContractUnitTests.fixtureOf(EventTypes.DISCREPANCY_FOUND).event();
        DiscrepancyFound summary = (DiscrepancyFound) copyWith(found, 3, null);

        assertThat(run.subject()).isEqualTo("reconciliation:1900000109:" + LocalDate.of(2026, 11, 30));
        assertThat(found.subject()).isEqualTo(found.orderId());
        assertThat(summary.subject()).isEqualTo("reconciliation:1900000109:2026-11-30");
    }

    @Test
    void notificationsMapToTheirPublisherBySource() {
        PaymentNotified callback =
                (PaymentNotified) EventContractUnitTests.fixtureOf(EventTypes.NOTIFY_PAYMENT_NOTIFIED)
                        .event();
        PaymentNotified query = (PaymentNotified) copyWith(callback, 3, NotificationSource.QUERY);
        PaymentNotified bill = (PaymentNotified) copyWith(callback, 3, NotificationSource.BILL);

        assertThat(EventTypes.of(callback)).isEqualTo(EventTypes.NOTIFY_PAYMENT_NOTIFIED);
        assertThat(EventTypes.of(query)).isEqualTo(EventTypes.RECONCILE_PAYMENT_NOTIFIED);
        assertThat(EventTypes.of(bill)).isEqualTo(EventTypes.RECONCILE_PAYMENT_NOTIFIED);
    }

    static Record copyWith(Record sample, int index, Object value) {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] args = Arrays.stream(components)
                .map(component -> read(component, sample))
                .toArray();
        args[index] = value;
        try {
            Constructor<?> canonical = sample.getClass()
                    .getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new));
            return (Record) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent component, Record sample) {
        try {
            return component.getAccessor().invoke(sample);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
