package io.orderflow.order.order.messaging;

import io.orderflow.order.order.usecase.OrderLifecycle;
import io.orderflow.platform.messaging.IdempotentConsumer;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The three inbound bindings (see application.yml): payment, notify and reconcile events. Each
 * applies a message once, in one transaction with its (consumer, ce_id) record.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventConsumers {

    @Bean
    Consumer<Message<List<byte[]>>> paymentEvents(IdempotentConsumer inbox, OrderLifecycle lifecycle) {
        return message -> inbox.acceptBatch(message, event -> lifecycle.on(event.event(), event.ceId()));
    }

    @Bean
    Consumer<Message<List<byte[]>>> notifyEvents(IdempotentConsumer inbox, OrderLifecycle lifecycle) {
        return message -> inbox.acceptBatch(message, event -> lifecycle.on(event.event(), event.ceId()));
    }

    @Bean
    Consumer<Message<List<byte[]>>> reconcileEvents(IdempotentConsumer inbox, OrderLifecycle lifecycle) {
        return message -> inbox.acceptBatch(message, event -> lifecycle.on(event.event(), event.ceId()));
    }
}
