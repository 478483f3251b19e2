package io.orderflow.reconcile.messaging;

import io.orderflow.events.PaymentRequested;
import io.orderflow.events.RefundSubmitted;
import io.orderflow.platform.messaging.IdempotentConsumer;
import io.orderflow.reconcile.query.ActiveQueries;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** {@code orderflow.payment.events}: pay params and PROCESSING refunds start active queries. */
@Configuration(proxyBeanMethods = false)
class PaymentEventsBinding {

    @Bean
    Consumer<Message<List<byte[]>>> paymentEvents(IdempotentConsumer inbox, ActiveQueries queries) {
        return message -> inbox.acceptBatch(message, received -> {
            if (received.event() instanceof PaymentRequested requested) {
                queries.paymentRequested(requested);
            } else if (received.event() instanceof RefundSubmitted refund) {
                queries.refundSubmitted(refund);
            }
        });
    }
}
