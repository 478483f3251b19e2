package io.orderflow.notify.callback;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.wechatpay.WechatPayClients;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the callback intake. */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

    @Bean
    CallbackIntake callbackIntake(WechatPayClients merchants, DataSource dataSource, Outbox outbox,
                                  PlatformTransactionManager transactionManager, MeterRegistry meters, Clock clock) {
        return new CallbackIntake(new CallbackVerifier(merchants, clock), new InboundCallbacks(JdbcClient.create(dataSource)),
                outbox, new TransactionTemplate(transactionManager), meters, clock);
    }
}
