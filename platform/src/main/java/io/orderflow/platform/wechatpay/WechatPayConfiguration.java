package io.orderflow.platform.wechatpay;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The merchants' clients as a bean; with no merchant configured the registry is empty. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatPayProperties.class)
public class WechatPayConfiguration {

    @Bean
    WechatPayClients wechatPayClients(WechatPayProperties properties) {
        MerchantClientFactory factory = new MerchantClientFactory(properties);
        return new WechatPayClients(properties.merchants().stream().map(factory::create).toList());
    }
}
