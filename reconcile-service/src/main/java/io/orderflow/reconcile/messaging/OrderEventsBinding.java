package io.orderflow.reconcile.messaging;

import io.orderflow.events.CloseRequested;
import io.orderflow.events.OrderCreated;
import io.orderflow.platform.messaging.IdempotentConsumer;
import io.orderflow.reconcile.expiry.ExpiryTimers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** {@code orderflow.order.events}: OrderCreated arms the expiry timer, CloseRequested fires it now. */
@Configuration(proxyBeanMethods = false)
class OrderEventsBinding {

    @Bean
    Consumer<Message<byte[]>> orderEvents(IdempotentConsumer inbox, ExpiryTimers timers) {
        return message -> inbox.accept(message, received -> {
            if (received.event() instanceof OrderCreated order) {
                timers.arm(order);
            } else if (received.event() instanceof CloseRequested close) {
                timers.fireNow(close);
            }
        });
    }
}
