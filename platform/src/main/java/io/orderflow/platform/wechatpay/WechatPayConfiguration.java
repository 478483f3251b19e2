package io.orderflow.platform.wechatpay;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The merchants' clients as a bean; with no merchant configured the registry is empty. A service that only needs
 * to know which merchants exist (order-service) sets {@code orderflow.wechatpay.clients-enabled=false}: it reads the
 * same merchant list and never loads a key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatPayProperties.class)
public class WechatPayConfiguration {

    @Bean
    @ConditionalOnProperty(name = "orderflow.wechatpay.clients-enabled", havingValue = "true", matchIfMissing = true)
    WechatPayClients wechatPayClients(WechatPayProperties properties, ObjectProvider<MeterRegistry> meters) {
        MerchantClientFactory factory = new MerchantClientFactory(properties, meters.getIfAvailable());
        return new WechatPayClients(
                properties.merchants().stream().map(factory::create).toList());
    }
}
