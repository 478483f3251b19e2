package io.orderflow.payment.messaging;

import io.orderflow.events.OrderCreated;
import io.orderflow.events.RefundRequested;
import io.orderflow.payment.prepay.Prepayments;
import io.orderflow.payment.refund.Refunds;
import io.orderflow.platform.messaging.IdempotentConsumer;
import io.orderflow.platform.messaging.NonRetryableEventException;
import io.orderflow.platform.wechatpay.WechatPayClients.UnknownMerchantException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** {@code orderflow.order.events} → prepay and refund intents; other order events are not ours. */
@Configuration(proxyBeanMethods = false)
class OrderEventsBinding {

    /** An unconfigured merchant is a configuration problem: dead-lettered at once, visibly. */
    @Bean
    Consumer<Message<List<byte[]>>> orderEvents(IdempotentConsumer inbox, Prepayments prepayments, Refunds refunds) {
        return message -> inbox.acceptBatch(message, received -> {
            try {
                if (received.event() instanceof OrderCreated order) {
                    prepayments.request(order);
                } else if (received.event() instanceof RefundRequested refund) {
                    refunds.request(refund);
                }
            } catch (UnknownMerchantException e) {
                throw new NonRetryableEventException(e.getMessage(), e);
            }
        });
    }
}
