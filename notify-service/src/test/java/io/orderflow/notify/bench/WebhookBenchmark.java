package io.orderflow.notify.bench;

import com.sun.net.httpserver.HttpServer;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.test.PostgresCpu;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestPostgres;
import io.orderflow.testkit.Broker;
import io.orderflow.testkit.OrderStatusChangedBuilder;
import io.orderflow.testkit.WebhookEndpointChangedBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook deliveries per second and the delay from a status change to its delivery: notify-service in this JVM on
 * the embedded PostgreSQL and in-JVM broker, fed OrderStatusChanged records on orderflow.order.status (as
 * order-service's relay would publish them, their occurred_at set when sent: the relay's own delay is not
 * included), delivering to a local receiver (JDK HttpServer answering 204) through {@code endpoints} endpoints of
 * as many shops. Phase 1 sends {@code total} changes as fast as the producer goes and measures deliveries/s; phase
 * 2 sends at {@code rate} per second (open loop) and measures the delay percentiles.
 * A warm-up as fast as phase 1 comes first, so that the JIT compilers have done most of their work before it: what
 * they still do in phase 1 is printed apart ("JVM (GC, JIT)").
 * Arguments: endpoints (default 8), total (default 20000), rate (default 500), seconds of phase 2 (default 30),
 * warm-up deliveries (default 20000).
 */
public final class WebhookBenchmark {

    private static final String FEED = "bench-feed";
    private static final String SERVICE = "notify-service";

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        AtomicLong received = new AtomicLong();
        ConcurrentHistogram delay = new ConcurrentHistogram(600_000_000_000L, 3);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        AtomicLong receiverThreads = new AtomicLong();
        receiver.setExecutor(Executors.newFixedThreadPool(
                16, runnable -> new Thread(runnable, "receiver-" + receiverThreads.incrementAndGet())));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Instant sent = Instant.parse(exchange.getRequestHeaders().getFirst("ce-time"));
            long nanos = java.time.Duration.between(sent, Instant.now()).toNanos();
            delay.recordValue(Math.max(0, nanos));
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        ConfigurableApplicationContext notify = BenchmarkService.start(
                "notify_webhook_benchmark",
                Map.of("orderflow.webhooks.allow-http", "true", "orderflow.webhooks.allow-private-addresses", "true"));
        JdbcClient jdbc = JdbcClient.create(notify.getBean(javax.sql.DataSource.class));
        PostgresCpu postgres = PostgresCpu.ofBackend(
                jdbc.sql("select pg_backend_pid()").query(Long.class).single());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        "bootstrap.servers",
                        TestKafka.bootstrapServers(),
                        "linger.ms",
                        5,
                        "batch.size",
                        262144,
                        "client.id",
                        FEED),
                new StringSerializer(),
                new ByteArraySerializer());
        List<String> shops = new java.util.ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            String shop = "bench-shop-" + i;
            shops.add(shop);
            publish(
                    producer,
                    WebhookEndpointChangedBuilder.endpointChanged("we_bench_" + i, shop, url)
                            .build());
        }
        producer.flush();
        Awaitility.await("the endpoints registered")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select count(*) from webhook_endpoint")
                                .query(Long.class)
                                .single()
                        >= endpoints);

        // warm-up, then phase 1: as fast as it goes
        send(producer, shops, warmUp, 0);
        waitFor(received, warmUp);
        received.set(0);
        delay.reset();
        // phase 1's records are built (encoded) before it starts: encoding them is order-service's work, not the
        // deliveries'; sending them to the broker stays inside the measurement
        List<ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            records.add(record(change(shops, i)));
        }
        boolean statements =
                System.getProperty(TestPostgres.PRELOAD_PROPERTY, "").contains("pg_stat_statements");
        if (statements) {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        }
        CpuAccount cpu = new CpuAccount(WebhookBenchmark::group, postgres);
        cpu.begin();
        long started = System.nanoTime();
        records.forEach(producer::send);
        producer.flush();
        waitFor(received, total);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, Double> used = cpu.end();
        System.out.printf(
                "%nphase 1: %d deliveries to %d endpoints in %.1f s -> %.0f deliveries/s%n",
                total, endpoints, elapsed, total / elapsed);
        double all = used.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("  CPU per delivery, ms (2 cores give %.2f ms at this rate):%n", 2000.0 / (total / elapsed));
        used.forEach((group, ms) -> System.out.printf("    %-34s %6.3f%n", group, ms / total));
        System.out.printf("    %-34s %6.3f%n", "all", all / total);
        System.out.printf(
                "    %-34s %6.3f%n",
                "notify-service + PostgreSQL", (used.getOrDefault(SERVICE, 0.0) + used.get("PostgreSQL")) / total);
        if (statements) {
            System.out.println("  PostgreSQL statements, ms per delivery (execution time; pg_stat_statements):");
            jdbc.sql("""
                    select total_exec_time / :total, calls * 1.0 / :total, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                      from pg_stat_statements order by total_exec_time desc limit 12""")
                    .param("total", total)
                    .query((rs, row) ->
                            "    %6.3f  %5.2f calls  %s".formatted(rs.getDouble(1), rs.getDouble(2), rs.getString(3)))
                    .list()
                    .forEach(System.out::println);
        }
        System.out.printf(
                "  delay ms (send to delivery, backlog included): p50 %.1f  p99 %.1f  max %.1f%n",
                delay.getValueAtPercentile(50) / 1e6, delay.getValueAtPercentile(99) / 1e6, delay.getMaxValue() / 1e6);

        // phase 2: open loop at the given rate
        received.set(0);
        delay.reset();
        int count = rate * seconds;
        send(producer, shops, count, rate);
        waitFor(received, count);
        System.out.printf(
                "phase 2: %d deliveries at %d/s: delay ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                count,
                rate,
                delay.getValueAtPercentile(50) / 1e6,
                delay.getValueAtPercentile(90) / 1e6,
                delay.getValueAtPercentile(99) / 1e6,
                delay.getMaxValue() / 1e6);
        System.out.println(
                "(the producer, the service, PostgreSQL, the broker and the receiver share this machine's cores)");
        producer.close();
        notify.close();
        receiver.stop(0);
        System.exit(0);
    }

    /** The thread groups: notify-service's own threads, the harness (feed, receiver), the in-JVM broker. */
    private static String group(String thread) {
        if (thread.startsWith("receiver-") || thread.equals("HTTP-Dispatcher")) {
            return "receiver (harness)";
        }
        if (thread.contains(FEED) || thread.contains("WebhookBenchmark") || thread.equals("main")) {
            return "feed (harness)";
        }
        for (String prefix : List.of(
                "KafkaConsumerDestination",
                "webhook-",
                "HttpClient-",
                "HikariPool",
                "http-nio",
                "kafka-producer-network-thread | producer-",
                "kafka-coordinator-heartbeat-thread",
                "task-",
                "scheduling-",
                "verification-failures",
                "outbox-relay",
                "micrometer-")) {
            if (thread.startsWith(prefix)) {
                return SERVICE;
            }
        }
        return "broker (in-JVM) and other";
    }

    private static void send(KafkaProducer<String, byte[]> producer, List<String> shops, int count, int rate) {
        long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (interval > 0) {
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            producer.send(record(change(shops, i)));
        }
        producer.flush();
    }

    private static OrderStatusChanged change(List<String> shops, int i) {
        String orderId = "OFB" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        return OrderStatusChangedBuilder.changed(orderId, OrderStatus.SUCCESS)
                .withShopId(shops.get(i % shops.size()))
                .withReason("PAID")
                .withPaid("42" + i, Instant.now())
                .withExpireAt(Instant.now().plusSeconds(1800))
                .build();
    }

    private static void publish(KafkaProducer<String, byte[]> producer, OrderflowEvent event) {
        producer.send(record(event));
    }

    private static ProducerRecord<String, byte[]> record(OrderflowEvent event) {
        return Broker.record(event);
    }

    private static void waitFor(AtomicLong received, long count) {
        Awaitility.await(count + " deliveries received")
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> received.get() >= count);
    }
}
