package io.orderflow.local.shop;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo shop's Spring application, started inside the launcher's JVM beside the simulator. */
@SpringBootApplication
@EnableConfigurationProperties(DemoShopProperties.class)
public class DemoShop {

    /** Where the shop receives the webhooks of its orders (their {@code notify_url}). */
    public static final String WEBHOOK_PATH = WebhookReceiver.PATH;

    /** Starts the shop on {@code port} (127.0.0.1); {@code settings} are {@code demo-shop.*} properties. */
    public static ConfigurableApplicationContext start(int port, Map<String, String> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        // its own config name, so no application.yml on the classpath (a service's, a simulator's) is read
        properties.put("spring.config.name", "demo-shop");
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", String.valueOf(port));
        properties.put("server.address", "127.0.0.1");
        properties.put("server.shutdown", "immediate");
        // only the shop's own pages; the simulator jar on the classpath has static files too
        properties.put("spring.web.resources.static-locations", "classpath:/demo-shop/static/");
        SpringApplication application = new SpringApplication(DemoShop.class);
        application.setDefaultProperties(properties);
        return application.run();
    }
}
