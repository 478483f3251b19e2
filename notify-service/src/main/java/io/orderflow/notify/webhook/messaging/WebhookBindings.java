package io.orderflow.notify.webhook.messaging;

import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.WebhookEndpointChanged;
import io.orderflow.notify.webhook.WebhookIntake;
import io.orderflow.platform.messaging.IdempotentConsumer;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Batch consumers through the idempotent consumer: one transaction per poll, each event applied once. */
@Configuration(proxyBeanMethods = false)
class WebhookBindings {

    @Bean
    Consumer<Message<List<byte[]>>> orderStatus(IdempotentConsumer inbox, WebhookIntake intake) {
        return message -> inbox.acceptBatch(message, received -> {
            if (received.event() instanceof OrderStatusChanged changed) {
                intake.statusChanged(received.ceId(), changed);
            }
        });
    }

    @Bean
    Consumer<Message<List<byte[]>>> orderWebhooks(IdempotentConsumer inbox, WebhookIntake intake) {
        return message -> inbox.acceptBatch(message, received -> {
            if (received.event() instanceof WebhookEndpointChanged changed) {
                intake.endpointChanged(changed);
            }
        });
    }
}
