package io.orderflow.notify.bench;

import io.orderflow.notify.NotifyServiceApplication;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestPostgres;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * notify-service as the benchmarks run it: on a random port, its own database, the test broker, a pool of 16
 * connections and warnings only.
 */
final class BenchmarkService {

    private BenchmarkService() {}

    /** Starts the service on a new database {@code database}, with {@code extra} properties besides the common ones. */
    static ConfigurableApplicationContext start(String database, Map<String, String> extra) {
        TestPostgres.Database db = TestPostgres.database(database);
        Map<String, Object> properties =
                new HashMap<>(TestMerchant.properties("http://127.0.0.1:1", "http://127.0.0.1:1"));
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", "16");
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.bootstrapServers());
        properties.put("logging.level.io.orderflow", "WARN");
        properties.putAll(extra);
        // as arguments, so that they outrank application.yml's defaults
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotifyServiceApplication.class).run(arguments);
    }
}
