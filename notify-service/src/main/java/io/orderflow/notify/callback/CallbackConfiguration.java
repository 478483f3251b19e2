package io.orderflow.notify.callback;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.platform.work.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the callback intake and the count of failed verifications. */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

    @Bean
    CallbackIntake callbackIntake(
            WechatPayClients merchants,
            DataSource dataSource,
            Outbox outbox,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            Clock clock,
            VerificationFailures failures) {
        return new CallbackIntake(
                new CallbackVerifier(merchants, clock),
                new InboundCallbacks(JdbcClient.create(dataSource)),
                outbox,
                new TransactionTemplate(transactionManager),
                meters,
                clock,
                failures);
    }

    @Bean
    VerificationFailures verificationFailures(
            WechatPayClients merchants,
            DataSource dataSource,
            Outbox outbox,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            Clock clock,
            @Value("${orderflow.risk.callback-failures.threshold:20}") long threshold,
            @Value("${orderflow.risk.callback-failures.window:60s}") Duration window,
            @Value("${orderflow.risk.callback-failures.flush-interval:1s}") Duration flushInterval) {
        FailureBursts bursts =
                new FailureBursts(JdbcClient.create(dataSource), outbox, meters, clock, threshold, window);
        return new VerificationFailures(
                mchid -> merchants.find(mchid).isPresent(),
                bursts,
                new TransactionTemplate(transactionManager),
                meters,
                clock,
                flushInterval);
    }

    @Bean
    PeriodicTask verificationFailuresFlush(VerificationFailures failures) {
        return failures.schedule();
    }
}
