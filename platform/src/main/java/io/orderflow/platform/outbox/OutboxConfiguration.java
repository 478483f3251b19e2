package io.orderflow.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.tracing.TraceContinuation;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox beans. {@code orderflow.service} names the publishing service (order, payment,
 * notify or reconcile), which decides the event types it may append and their
 * {@code ce_source}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    /** The binder reports each acknowledged send here (see orderflow-platform-defaults.properties). */
    public static final String ACKNOWLEDGEMENT_CHANNEL = "orderflowOutboxAcks";

    @Bean
    OutboxStore outboxStore(DataSource dataSource) {
        return new OutboxStore(JdbcClient.create(dataSource));
    }

    /** The trace crosses the outbox when Micrometer Tracing is configured (spring-boot-starter-opentelemetry). */
    @Bean
    TraceContinuation traceContinuation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContinuation(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    Outbox outbox(Environment environment, OutboxStore store, EventCodec codec, Clock clock,
                  @Lazy OutboxRelay relay, TraceContinuation traces) {
        return new Outbox(environment.getRequiredProperty("orderflow.service"), store, codec, clock, relay::wakeUp, traces);
    }

    @Bean
    SendAcknowledgements sendAcknowledgements() {
        return new SendAcknowledgements();
    }

    @Bean(ACKNOWLEDGEMENT_CHANNEL)
    MessageChannel orderflowOutboxAcks(SendAcknowledgements acknowledgements) {
        DirectChannel channel = new DirectChannel();
        channel.subscribe(acknowledgements::acknowledged);
        return channel;
    }

    /** Failed sends reach the global error channel; the relay stops waiting for them at once. */
    @Bean
    SmartInitializingSingleton outboxSendFailures(ApplicationContext context, SendAcknowledgements acknowledgements) {
        return () -> {
            if (context.containsBean("errorChannel")
                    && context.getBean("errorChannel") instanceof SubscribableChannel errors) {
                errors.subscribe(acknowledgements::failed);
            }
        };
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry registry, Clock clock) {
        return new OutboxMetrics(registry, clock);
    }

    @Bean
    OutboxRelay outboxRelay(OutboxStore store, StreamBridge bridge, SendAcknowledgements acknowledgements,
                            PlatformTransactionManager transactionManager, OutboxProperties properties,
                            OutboxMetrics metrics, TraceContinuation traces) {
        OutboxPublisher publisher = new OutboxPublisher(bridge, acknowledgements, properties.sendTimeout(), traces);
        return new OutboxRelay(store, publisher, new TransactionTemplate(transactionManager), properties, metrics);
    }

    @Bean
    OutboxHousekeeping outboxHousekeeping(OutboxStore store, OutboxMetrics metrics, OutboxProperties properties) {
        return new OutboxHousekeeping(store, metrics, properties);
    }
}
