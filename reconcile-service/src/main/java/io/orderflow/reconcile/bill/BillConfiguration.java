package io.orderflow.reconcile.bill;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.reconcile.ledger.LedgerEntries;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires bill reconciliation and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillSettings.class)
@EnableScheduling
class BillConfiguration {

    @Bean
    BillRuns billRuns(DataSource dataSource) {
        return new BillRuns(JdbcClient.create(dataSource));
    }

    @Bean
    Reconciliation reconciliation(
            WechatPayClients merchants,
            WechatPayGateway wechat,
            LedgerEntries ledger,
            BillRuns runs,
            Outbox outbox,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            BillSettings settings,
            Clock clock,
            MeterRegistry meters) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        BillRepair repair = new BillRepair(wechat, outbox, JdbcClient.create(dataSource), transactions, clock, meters);
        return new Reconciliation(
                merchants,
                new BillFetcher(wechat),
                new BillComparison(ledger, settings),
                repair,
                runs,
                outbox,
                transactions,
                settings,
                clock,
                meters);
    }

    @Bean
    BillSchedule billSchedule(
            Reconciliation reconciliation,
            WechatPayClients merchants,
            BillRuns runs,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        return new BillSchedule(reconciliation, merchants, runs, new TransactionTemplate(transactionManager), clock);
    }
}
