package io.orderflow.platform.wechatpay;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The merchants' clients as a bean; with no merchant configured the registry is empty. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatPayProperties.class)
public class WechatPayConfiguration {

    @Bean
    WechatPayClients wechatPayClients(WechatPayProperties properties, ObjectProvider<MeterRegistry> meters) {
        MerchantClientFactory factory = new MerchantClientFactory(properties, meters.getIfAvailable());
        return new WechatPayClients(properties.merchants().stream().map(factory::create).toList());
    }
}
