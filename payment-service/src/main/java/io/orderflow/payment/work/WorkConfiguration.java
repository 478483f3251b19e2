package io.orderflow.payment.work;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.tracing.TraceContinuation;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.work.DueWork;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires what the prepay and refund workers share, and their settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class WorkConfiguration {

    @Bean
    WechatPayWork wechatPayWork(
            WechatPayGateway wechat,
            Outbox outbox,
            PlatformTransactionManager transactionManager,
            WorkerProperties settings,
            Clock clock,
            TraceContinuation traces,
            MeterRegistry meters) {
        return new WechatPayWork(
                wechat,
                outbox,
                settings,
                traces,
                new DueWork(new TransactionTemplate(transactionManager), settings, clock, meters));
    }
}
