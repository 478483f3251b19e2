package io.orderflow.payment.prepay;

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

/** Wires the prepay intake and its worker. */
@Configuration(proxyBeanMethods = false)
class PrepayConfiguration {

    @Bean
    Payments payments(DataSource dataSource) {
        return new Payments(JdbcClient.create(dataSource));
    }

    @Bean
    DueWorker prepayWorker(Payments payments, WechatPayWork work) {
        PrepayAttempts attempts = new PrepayAttempts(payments, work);
        return work.worker("prepay", attempts::runBatch, payments.due());
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
