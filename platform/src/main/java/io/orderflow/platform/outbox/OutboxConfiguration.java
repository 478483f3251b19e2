package io.orderflow.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.tracing.TraceContinuation;
import io.orderflow.platform.work.PeriodicTask;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
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
    Outbox outbox(
            Environment environment,
            OutboxStore store,
            EventCodec codec,
            Clock clock,
            @Lazy OutboxRelay relay,
            TraceContinuation traces) {
        return new Outbox(
                environment.getRequiredProperty("orderflow.service"), store, codec, clock, relay::wakeUp, traces);
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry registry, Clock clock) {
        return new OutboxMetrics(registry, clock);
    }

    /**
     * The relay's producer: the Kafka binder's brokers and producer properties (acks, idempotence, timeouts from
     * orderflow-platform-defaults.properties or the service), bytes in and out, no observation per record (the
     * stored traceparent travels as a header instead).
     */
    @Bean
    KafkaTemplate<byte[], byte[]> outboxKafkaTemplate(Environment environment) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(OutboxProducerSettings.of(environment)));
    }

    @Bean
    OutboxRelay outboxRelay(
            OutboxStore store,
            KafkaTemplate<byte[], byte[]> outboxKafkaTemplate,
            PlatformTransactionManager transactionManager,
            OutboxProperties properties,
            OutboxMetrics metrics,
            TraceContinuation traces) {
        OutboxPublisher publisher = new OutboxPublisher(outboxKafkaTemplate, properties.sendTimeout(), traces);
        return new OutboxRelay(store, publisher, new TransactionTemplate(transactionManager), properties, metrics);
    }

    @Bean
    OutboxHousekeeping outboxHousekeeping(OutboxStore store, OutboxMetrics metrics, OutboxProperties properties) {
        return new OutboxHousekeeping(store, metrics, properties);
    }

    @Bean
    PeriodicTask outboxHousekeepingSchedule(OutboxHousekeeping housekeeping) {
        return housekeeping.schedule();
    }
}
