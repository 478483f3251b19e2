package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sets of statuses other services use are derived from the status type (see its exhaustive switches). */
class OrderStatusUnitTests {

    @Test
    void everyStatusButPendingIsFinal() {
        assertThat(OrderStatus.finals())
                .containsExactlyInAnyOrder(
                        OrderStatus.SUCCESS, OrderStatus.FAILED, OrderStatus.CLOSED, OrderStatus.REFUND);
    }

    @Test
    void onlySuccessAndRefundArePaid() {
        assertThat(OrderStatus.values())
                .filteredOn(OrderStatus::isPaid)
                .containsExactlyInAnyOrder(OrderStatus.SUCCESS, OrderStatus.REFUND);
    }

    @Test
    void finalsAreACopy() {
        OrderStatus.finals().clear();
        assertThat(OrderStatus.finals()).hasSize(4);
    }
}
