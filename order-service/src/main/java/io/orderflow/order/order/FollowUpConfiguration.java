package io.orderflow.order.order;

import io.orderflow.platform.work.DueWorker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The follow-up worker: threads taking due follow-ups, woken when one is stored. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowUpProperties.class)
class FollowUpConfiguration {

    @Bean
    DueWorker followUpWorker(FollowUpProperties settings, FollowUps followUps) {
        return new DueWorker("follow-ups", settings, followUps::runDue);
    }
}
