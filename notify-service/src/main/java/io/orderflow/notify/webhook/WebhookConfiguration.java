package io.orderflow.notify.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.webhook.WebhookAddresses;
import io.orderflow.platform.webhook.WebhookSecrets;
import io.orderflow.platform.work.DueWorker;
import io.orderflow.platform.work.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires webhook intake, the dispatcher and its worker thread, and the backlog gauge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    WebhookEndpoints webhookEndpointCopies(DataSource dataSource) {
        return new WebhookEndpoints(JdbcClient.create(dataSource));
    }

    @Bean
    WebhookDeliveries webhookDeliveryRows(DataSource dataSource) {
        return new WebhookDeliveries(JdbcClient.create(dataSource));
    }

    @Bean
    WebhookMetrics webhookMetrics(MeterRegistry meters) {
        return new WebhookMetrics(meters);
    }

    /** Records outcomes off the HTTP client's threads: the dispatcher's group commits, one at a time. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService webhookCompletions() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-outcome");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            WebhookDeliveries deliveries,
            WebhookEndpoints endpoints,
            WebhookProperties properties,
            WebhookMetrics metrics,
            PlatformTransactionManager transactionManager,
            ExecutorService webhookCompletions,
            Clock clock) {
        WebhookSender sender = new WebhookSender(
                new WebhookSecrets(properties.masterKey()),
                new WebhookAddresses(properties.allowHttp(), properties.allowPrivateAddresses()),
                properties.timeout(),
                clock);
        return new WebhookDispatcher(
                deliveries,
                endpoints,
                sender,
                properties,
                metrics,
                new TransactionTemplate(transactionManager),
                webhookCompletions,
                clock);
    }

    /** One thread claims; the sends themselves are asynchronous. */
    @Bean
    DueWorker webhookWorker(
            WebhookDispatcher dispatcher, WebhookProperties properties, DataSource dataSource, Clock clock) {
        DueWorker worker = new DueWorker(
                "webhook-dispatcher",
                new DueWorker.Settings() {
                    @Override
                    public Integer threads() {
                        return 1;
                    }

                    @Override
                    public Integer batchSize() {
                        return properties.batchSize();
                    }

                    @Override
                    public Duration pollInterval() {
                        return properties.pollInterval();
                    }

                    @Override
                    public Duration shutdownGrace() {
                        return properties.timeout().plusSeconds(1);
                    }

                    @Override
                    public Duration initialBackoff() {
                        return properties.retryAfter(1).orElse(Duration.ofSeconds(10));
                    }

                    @Override
                    public Duration maxBackoff() {
                        return properties
                                .retryAfter(properties.retrySchedule().size())
                                .orElse(Duration.ofHours(10));
                    }
                },
                dispatcher::dispatch,
                DueWorker.earliest(JdbcClient.create(dataSource), WebhookDeliveries.EARLIEST_DUE),
                clock);
        dispatcher.runBy(worker);
        return worker;
    }

    @Bean
    WebhookIntake webhookIntake(
            WebhookEndpoints endpoints,
            WebhookDeliveries deliveries,
            EventCodec codec,
            DueWorker webhookWorker,
            Clock clock) {
        return new WebhookIntake(endpoints, deliveries, codec, webhookWorker, clock);
    }

    @Bean
    WebhookLog webhookLog(
            WebhookDeliveries deliveries, WebhookEndpoints endpoints, DueWorker webhookWorker, Clock clock) {
        return new WebhookLog(deliveries, endpoints, webhookWorker::wakeAfterCommit, clock);
    }

    /** Refreshes the backlog gauge every 15 s (one grouped count), from when the context has started. */
    @Bean
    PeriodicTask webhookBacklog(WebhookDeliveries deliveries, WebhookMetrics metrics) {
        return WebhookBacklogGauge.every(Duration.ofSeconds(15), deliveries::backlog, metrics::backlog);
    }
}
