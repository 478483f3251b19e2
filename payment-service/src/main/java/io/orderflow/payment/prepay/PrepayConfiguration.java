package io.orderflow.payment.prepay;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.payment.work.WorkerProperties;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.tracing.TraceContinuation;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.work.DueWorker;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the prepay intake and its worker. */
@Configuration(proxyBeanMethods = false)
class PrepayConfiguration {

    @Bean
    Payments payments(DataSource dataSource) {
        return new Payments(JdbcClient.create(dataSource));
    }

    @Bean
    DueWorker prepayWorker(
            Payments payments,
            WechatPayGateway wechat,
            Outbox outbox,
            PlatformTransactionManager transactionManager,
            WorkerProperties settings,
            Clock clock,
            TraceContinuation traces,
            MeterRegistry meters,
            DataSource dataSource) {
        PrepayAttempts attempts = new PrepayAttempts(
                payments, wechat, outbox, new TransactionTemplate(transactionManager), settings, clock, traces, meters);
        return new DueWorker(
                "prepay",
                settings,
                attempts::runBatch,
                DueWorker.earliest(
                        JdbcClient.create(dataSource),
                        "select min(next_attempt_at) from payment where next_attempt_at is not null"),
                clock);
    }

    @Bean
    Prepayments prepayments(
            WechatPayClients merchants,
            Payments payments,
            @Qualifier("prepayWorker") DueWorker prepayWorker,
            Clock clock,
            TraceContinuation traces) {
        return new Prepayments(merchants, payments, prepayWorker::wakeAfterCommit, clock, traces);
    }
}
