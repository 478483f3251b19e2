package io.orderflow.reconcile.ledger;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the ledger. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    Ledger ledger(DataSource dataSource) {
        return new Ledger(JdbcClient.create(dataSource));
    }

    @Bean
    LedgerEntries ledgerEntries(DataSource dataSource) {
        return new LedgerEntries(JdbcClient.create(dataSource));
    }
}
