package io.orderflow.reconcile.expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.work.DueWork;
import io.orderflow.platform.work.DueWorker;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the expiry timers and their worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerSettings.class)
class ExpiryConfiguration {

    @Bean
    Timers timers(DataSource dataSource) {
        return new Timers(JdbcClient.create(dataSource));
    }

    /** What the expiry and query workers are built from. */
    @Bean
    DueWork dueWork(
            PlatformTransactionManager transactionManager, WorkerSettings settings, Clock clock, MeterRegistry meters) {
        return new DueWork(new TransactionTemplate(transactionManager), settings, clock, meters);
    }

    @Bean
    DueWorker expiryWorker(Timers timers, WechatPayGateway wechat, Outbox outbox, DueWork work) {
        ExpiryWorker worker = new ExpiryWorker(timers, new CloseProtocol(wechat, work.clock()), outbox, work);
        return work.worker("expiry", worker::runBatch, timers.nextDue());
    }

    @Bean
    ExpiryTimers expiryTimers(Timers timers, @Qualifier("expiryWorker") DueWorker expiryWorker) {
        return new ExpiryTimers(timers, expiryWorker::wakeAfterCommit);
    }
}
