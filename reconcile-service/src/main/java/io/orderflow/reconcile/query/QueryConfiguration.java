package io.orderflow.reconcile.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.work.DueWork;
import io.orderflow.platform.work.DueWorker;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the active queries and their worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySchedule.class)
class QueryConfiguration {

    @Bean
    Queries queries(DataSource dataSource) {
        return new Queries(JdbcClient.create(dataSource));
    }

    @Bean
    DueWorker queryWorker(
            Queries queries, WechatPayGateway wechat, Outbox outbox, QuerySchedule schedule, DueWork work) {
        QueryWorker worker = new QueryWorker(queries, new QueryCheck(wechat, work.clock()), outbox, schedule, work);
        return work.worker("query", worker::runBatch, queries.nextDue());
    }

    @Bean
    ActiveQueries activeQueries(Queries queries, QuerySchedule schedule, Clock clock, MeterRegistry meters) {
        Gauge.builder(
                        "orderflow.reconcile.refunds.stuck",
                        () -> queries.countStuck(Query.REFUND, clock.instant().minus(schedule.stuckAfter())))
                .description("refunds PROCESSING at WeChat for longer than orderflow.reconcile.query.stuck-after")
                .register(meters);
        return new ActiveQueries(queries, schedule, clock);
    }
}
