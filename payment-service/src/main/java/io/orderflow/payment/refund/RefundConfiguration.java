package io.orderflow.payment.refund;

import io.orderflow.payment.work.WechatPayWork;
import io.orderflow.platform.tracing.TraceContinuation;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.platform.work.DueWorker;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the refund intake and its worker. */
@Configuration(proxyBeanMethods = false)
class RefundConfiguration {

    @Bean
    RefundSubmissions refundSubmissions(DataSource dataSource) {
        return new RefundSubmissions(JdbcClient.create(dataSource));
    }

    @Bean
    DueWorker refundWorker(RefundSubmissions submissions, WechatPayWork work) {
        RefundAttempts attempts = new RefundAttempts(submissions, work);
        return work.worker("refund", attempts::runBatch, submissions.due());
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
