package io.orderflow.reconcile.messaging;

import io.orderflow.events.CloseRequested;
import io.orderflow.events.OrderCreated;
import io.orderflow.platform.messaging.IdempotentConsumer;
import io.orderflow.reconcile.expiry.ExpiryTimers;
import io.orderflow.reconcile.ledger.Ledger;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code orderflow.order.events}: OrderCreated arms the expiry timer and gives the ledger the order's merchant,
 * CloseRequested fires the timer now.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsBinding {

    @Bean
    Consumer<Message<List<byte[]>>> orderEvents(IdempotentConsumer inbox, ExpiryTimers timers, Ledger ledger) {
        return message -> inbox.acceptBatch(message, received -> {
            if (received.event() instanceof OrderCreated order) {
                // the ledger row first, then the timer: the status consumer locks them in that order too, so two
                // batches of the same orders cannot deadlock
                ledger.orderCreated(order);
                timers.arm(order);
            } else if (received.event() instanceof CloseRequested close) {
                timers.fireNow(close);
            }
        });
    }
}
