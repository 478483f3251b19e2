package io.orderflow.platform.config;

import io.orderflow.platform.web.OnDemandAsyncTimeoutProtocol;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The management server's own context (its port differs from the application's in every service): its Tomcat gets
 * the same connector as the application's. Customizers of the application context do not reach this one.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.tomcat.TomcatWebServer")
public class PlatformManagementContextConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementOnDemandAsyncTimeout() {
        return OnDemandAsyncTimeoutProtocol::install;
    }
}
