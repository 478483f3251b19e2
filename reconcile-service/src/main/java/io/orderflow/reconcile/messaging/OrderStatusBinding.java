package io.orderflow.reconcile.messaging;

import io.orderflow.events.OrderStatusChanged;
import io.orderflow.platform.messaging.IdempotentConsumer;
import io.orderflow.reconcile.expiry.ExpiryTimers;
import io.orderflow.reconcile.ledger.Ledger;
import io.orderflow.reconcile.query.ActiveQueries;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** {@code orderflow.order.status}: the ledger takes the snapshot; a terminal status stops the order's timer and queries. */
@Configuration(proxyBeanMethods = false)
class OrderStatusBinding {

    @Bean
    Consumer<Message<List<byte[]>>> orderStatus(
            IdempotentConsumer inbox, ExpiryTimers timers, ActiveQueries queries, Ledger ledger) {
        return message -> inbox.acceptBatch(message, received -> {
            if (received.event() instanceof OrderStatusChanged changed) {
                ledger.statusChanged(changed);
                timers.statusChanged(changed);
                queries.statusChanged(changed);
            }
        });
    }
}
