package io.orderflow.order.order.usecase;

import io.orderflow.platform.work.DueWorker;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The follow-up worker: threads taking due follow-ups, woken when one is stored. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowUpProperties.class)
class FollowUpConfiguration {

    @Bean
    DueWorker followUpWorker(FollowUpProperties settings, FollowUps followUps, DataSource dataSource, Clock clock) {
        return new DueWorker(
                "follow-ups",
                settings,
                followUps::runDue,
                DueWorker.earliest(JdbcClient.create(dataSource), "select min(due_at) from follow_up"),
                clock);
    }
}
