package io.orderflow.order.webhook;

import io.orderflow.platform.webhook.WebhookAddresses;
import io.orderflow.platform.webhook.WebhookSecrets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The master key (start-up fails without it, naming the variable) and the URL rules of this deployment. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookSecrets webhookSecrets(WebhookProperties properties) {
        return new WebhookSecrets(properties.masterKey());
    }

    @Bean
    WebhookLogClient webhookLogClient(WebhookProperties properties) {
        return new WebhookLogClient(properties.log());
    }

    @Bean
    WebhookAddresses webhookAddresses(WebhookProperties properties) {
        return new WebhookAddresses(properties.allowHttp(), properties.allowPrivateAddresses());
    }
}
