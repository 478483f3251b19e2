package io.orderflow.benchmarks;

import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load driver for the transactional outbox against a real PostgreSQL (embedded, fsync on)
 * and a real Kafka broker (in-JVM KRaft): relay throughput per batch size and lane count,
 * then end-to-end latency from commit to an idempotent consumer's applied effect at steady
 * offered rates. Run with {@code ./mvnw -q -pl benchmarks exec:java}; settings are system
 * properties ({@code -Dbenchmark.events=20000}, {@code -Dbenchmark.batch-sizes=50,200,500},
 * {@code -Dbenchmark.lanes=1,2}, {@code -Dbenchmark.rates=200,1000},
 * {@code -Dbenchmark.seconds=15}, {@code -Dbenchmark.appenders=4}, {@code -Dbenchmark.thread-cpu=true}).
 */
public final class OutboxBenchmark {

    private static final String LATENCY_BATCH_SIZE = "500";
    private static final String LATENCY_LANES = "1";

    private OutboxBenchmark() {}

    public static void main(String[] args) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Exception | LinkageError e) {
            e.printStackTrace();
        } finally {
            System.out.flush();
            // the embedded broker's and database's shutdown hooks stop them; exec:java would otherwise wait for their
            // threads
            System.exit(status);
        }
    }

    private static void run() throws Exception {
        int events = Integer.getInteger("benchmark.events", 20_000);
        int[] batchSizes = ints("benchmark.batch-sizes", "50,200,500");
        int[] lanes = ints("benchmark.lanes", "1,2");
        int[] rates = ints("benchmark.rates", "200,1000");
        Duration seconds = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 15));
        int appenders = Integer.getInteger("benchmark.appenders", 4);
        long started = System.nanoTime();
        Report.header();

        TestPostgres.Database database = TestPostgres.database("outbox_benchmark");
        String brokers = TestKafka.bootstrapServers();
        Report.progress(started, "PostgreSQL and Kafka up");
        Map<String, Object> infrastructure = infrastructure(database, brokers);

        List<RelayThroughput.Result> throughput = new ArrayList<>();
        boolean warmedUp = false;
        for (int laneCount : lanes) {
            for (int batchSize : batchSizes) {
                Map<String, Object> properties = new HashMap<>(infrastructure);
                properties.put("orderflow.outbox.batch-size", batchSize);
                properties.put("orderflow.outbox.lanes", laneCount);
                // this phase publishes OrderCreated to orderflow.order.events, which nothing here consumes
                properties.put("spring.cloud.stream.bindings.orderStatus-in-0.consumer.auto-startup", false);
                try (ConfigurableApplicationContext context = start(properties)) {
                    if (!warmedUp) {
                        RelayThroughput.run(context, Math.min(events, 5_000), brokers);
                        warmedUp = true;
                        Report.progress(started, "relay warm-up done");
                    }
                    RelayThroughput.Result result = RelayThroughput.run(context, events, brokers);
                    throughput.add(result);
                    Report.progress(
                            started,
                            String.format(
                                    "relay batch %d, lanes %d: %.0f events/s",
                                    batchSize, laneCount, result.eventsPerSecond()));
                }
            }
        }

        List<EndToEndLatency.Result> latency = new ArrayList<>();
        Map<String, Object> properties = new HashMap<>(infrastructure);
        properties.put("orderflow.outbox.batch-size", LATENCY_BATCH_SIZE);
        properties.put("orderflow.outbox.lanes", LATENCY_LANES);
        try (ConfigurableApplicationContext context = start(properties)) {
            EndToEndLatency driver = new EndToEndLatency(context);
            driver.run(300, Duration.ofSeconds(5), appenders);
            Report.progress(started, "latency warm-up done");
            for (int rate : rates) {
                EndToEndLatency.Result result = driver.run(rate, seconds, appenders);
                latency.add(result);
                Report.progress(started, "latency at " + rate + " events/s offered done");
            }
        }

        Report.throughput(throughput);
        Report.latency(latency, seconds, LATENCY_BATCH_SIZE, LATENCY_LANES);
        Report.progress(started, "finished");
    }

    private static Map<String, Object> infrastructure(TestPostgres.Database database, String brokers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.cloud.stream.kafka.binder.brokers", brokers);
        properties.put("spring.kafka.bootstrap-servers", brokers);
        return properties;
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties(properties)
                .run();
    }

    private static int[] ints(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
