package io.orderflow.platform.config;

import com.zaxxer.hikari.HikariDataSource;
import io.orderflow.platform.messaging.BoundedConsumerClose;
import io.orderflow.platform.messaging.ConsumerErrorHandling;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.messaging.IdempotentConsumer;
import io.orderflow.platform.notify.PgNotifications;
import io.orderflow.platform.outbox.OutboxConfiguration;
import io.orderflow.platform.tracing.TraceContinuation;
import io.orderflow.platform.web.OnDemandAsyncTimeoutProtocol;
import io.orderflow.platform.web.TomcatHousekeeping;
import io.orderflow.platform.wechatpay.WechatPayConfiguration;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform in every service: the event codec, the idempotent consumer (named after
 * {@code spring.application.name}, which is also the consumer group) and the outbox.
 */
@AutoConfiguration
@Import({OutboxConfiguration.class, WechatPayConfiguration.class})
public class PlatformAutoConfiguration {

    /** Checks settings without defaults before anything starts (static: it post-processes the bean factory). */
    @Bean
    static RequiredSettings requiredSettings(Environment environment) {
        return new RequiredSettings(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    IdempotentConsumer idempotentConsumer(
            Environment environment,
            EventCodec codec,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            TraceContinuation traces) {
        String consumer = environment.getRequiredProperty("spring.application.name");
        return new IdempotentConsumer(
                consumer,
                codec,
                JdbcClient.create(dataSource),
                new TransactionTemplate(transactionManager),
                environment.getProperty(
                        "orderflow.messaging.database-outage-patience", Duration.class, Duration.ofMinutes(2)),
                traces);
    }

    /** LISTEN/NOTIFY on a connection of its own, to the database the pool connects to. */
    @Bean
    PgNotifications pgNotifications(DataSource dataSource) throws java.sql.SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return new PgNotifications(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /**
     * How often each idle Tomcat (the application's and the management server's) looks at its connections, and the
     * application server's connector (the management server's: {@link PlatformManagementContextConfiguration}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.TomcatWebServer")
    static class TomcatSettings {
        @Bean
        TomcatHousekeeping tomcatHousekeeping(Environment environment) {
            return new TomcatHousekeeping(environment.getProperty(
                    "orderflow.tomcat.selector-timeout", Duration.class, Duration.ofSeconds(1)));
        }

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> onDemandAsyncTimeout() {
            return OnDemandAsyncTimeoutProtocol::install;
        }
    }

    /** Retries and dead letters of the (batch-mode) consumer bindings, in the listener containers. */
    @Bean
    ConsumerErrorHandling consumerErrorHandling(
            Environment environment, KafkaTemplate<byte[], byte[]> outboxKafkaTemplate) {
        return new ConsumerErrorHandling(
                outboxKafkaTemplate,
                environment.getProperty("orderflow.messaging.poll-timeout", Duration.class, Duration.ofSeconds(5)));
    }

    /**
     * How long a binding's consumer waits for the broker when it closes (5 s unless set): leaving the group, not the
     * fetch in flight, is what a stop needs.
     */
    @Bean
    BoundedConsumerClose boundedConsumerClose(Environment environment) {
        return new BoundedConsumerClose(
                environment.getProperty("orderflow.messaging.close-timeout", Duration.class, Duration.ofSeconds(5)));
    }
}
