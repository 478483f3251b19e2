package io.orderflow.payment.refund;

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

/** Wires the refund intake and its worker. */
@Configuration(proxyBeanMethods = false)
class RefundConfiguration {

    @Bean
    RefundSubmissions refundSubmissions(DataSource dataSource) {
        return new RefundSubmissions(JdbcClient.create(dataSource));
    }

    @Bean
    DueWorker refundWorker(
            RefundSubmissions submissions,
            WechatPayGateway wechat,
            Outbox outbox,
            PlatformTransactionManager transactionManager,
            WorkerProperties settings,
            Clock clock,
            TraceContinuation traces,
            MeterRegistry meters,
            DataSource dataSource) {
        RefundAttempts attempts = new RefundAttempts(
                submissions,
                wechat,
                outbox,
                new TransactionTemplate(transactionManager),
                settings,
                clock,
                traces,
                meters);
        return new DueWorker(
                "refund",
                settings,
                attempts::runBatch,
                DueWorker.earliest(
                        JdbcClient.create(dataSource),
                        "select min(next_attempt_at) from refund_submission where next_attempt_at is not null"),
                clock);
    }

    @Bean
    Refunds refunds(
            WechatPayClients merchants,
            RefundSubmissions submissions,
            @Qualifier("refundWorker") DueWorker refundWorker,
            Clock clock,
            TraceContinuation traces) {
        return new Refunds(merchants, submissions, refundWorker::wakeAfterCommit, clock, traces);
    }
}
