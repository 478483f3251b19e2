package io.orderflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.EventType;
import io.orderflow.events.EventTypes;
import org.junit.jupiter.api.Test;

/** The relay's output bindings are named like the consumers' bindings: for the topic, in camel case. */
class OutboxBindingsUnitTests {

    @Test
    void namesTheBindingForTheTopic() {
        assertThat(OutboxBindings.bindingName("orderflow.order.status")).isEqualTo("orderStatus-out-0");
        assertThat(OutboxBindings.bindingName("orderflow.payment.events")).isEqualTo("paymentEvents-out-0");
        assertThat(OutboxBindings.bindingName("orderflow.order.webhooks")).isEqualTo("orderWebhooks-out-0");
    }

    @Test
    void everyTopicOfTheContractHasItsOwnBinding() {
        assertThat(EventTypes.all().stream().map(EventType::topic).distinct().map(OutboxBindings::bindingName))
                .doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z]+[A-Z][a-z]+-out-0"));
    }

    @Test
    void refusesATopicOutsideOrderflow() {
        assertThatThrownBy(() -> OutboxBindings.bindingName("other.order.status"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
