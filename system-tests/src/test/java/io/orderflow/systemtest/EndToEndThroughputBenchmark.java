package io.orderflow.systemtest;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * End-to-end orders per second, from the shop's create call to SUCCESS on
 * {@code orderflow.order.status}: the three services as processes, the simulator paying every
 * prepaid order at once (auto-payer) and calling notify-service back. Not a test; run with
 * {@code ./mvnw -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.orderflow.systemtest.EndToEndThroughputBenchmark -Dexec.args="8 30"}
 * (client threads, seconds) after {@code ./mvnw -q install -DskipTests}.
 */
public final class EndToEndThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 8, args.length > 1 ? Integer.parseInt(args[1]) : 30);
        } finally {
            // the in-JVM broker and simulator keep non-daemon threads
            System.exit(0);
        }
    }

    private static void run(int threads, int seconds) throws Exception {
        try (OrderflowSystem system = OrderflowSystem.start("bench" + System.currentTimeMillis() % 100000)) {
            autoPay(system);
            ShopClient shop = system.newShop("bench shop");
            Map<String, Long> createdAt = new ConcurrentHashMap<>();
            AtomicLong failures = new AtomicLong();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Map<String, Long> successAt = new ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread watcher = new Thread(() -> watch(createdAt, successAt, done), "status-watcher");
            watcher.start();
            ExecutorService clients = Executors.newFixedThreadPool(threads);
            for (int i = 0; i < threads; i++) {
                clients.submit(() -> createUntil(shop, deadline, createdAt, failures));
            }
            clients.shutdown();
            clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            done.set(true);
            watcher.join();
            report(createdAt, successAt, failures.get(), seconds, threads);
        }
    }

    private static void createUntil(ShopClient shop, long deadline, Map<String, Long> createdAt, AtomicLong failures) {
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            HttpResponse<String> created = shop.post("/v1/orders", """
                    {"shop_order_no":"B-%s","description":"bench","amount":{"total":100,"currency":"CNY"},
                     "payer":{"openid":"%s"}}""".formatted(UUID.randomUUID(), ShopClient.newPayer()));
            if (created.statusCode() == 201) {
                createdAt.put(ShopClient.JSON.readTree(created.body()).path("order_id").asString(), start);
            } else {
                failures.incrementAndGet();
            }
        }
    }

    /** Reads the status topic while orders are created, noting when each order's SUCCESS is seen. */
    private static void watch(Map<String, Long> createdAt, Map<String, Long> successAt,
                              java.util.concurrent.atomic.AtomicBoolean done) {
        int[] seen = {0};
        try (TopicProbe status = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            status.awaitRecords(records -> {
                long now = System.nanoTime();
                for (TopicProbe.Received r : records.subList(seen[0], records.size())) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains("\"to\":\"SUCCESS\"")) {
                        successAt.putIfAbsent(r.key(), now);
                    }
                }
                seen[0] = records.size();
                return done.get() && successAt.keySet().containsAll(createdAt.keySet());
            }, Duration.ofMinutes(10));
        }
    }

    private static void report(Map<String, Long> createdAt, Map<String, Long> successAt, long failures, int seconds,
                               int threads) {
        Histogram latency = new Histogram(3_600_000_000_000L, 3);
        long lastSuccess = 0;
        for (Map.Entry<String, Long> created : createdAt.entrySet()) {
            long success = successAt.get(created.getKey());
            latency.recordValue(Math.max(0, success - created.getValue()));
            lastSuccess = Math.max(lastSuccess, success);
        }
        long first = createdAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        double span = (lastSuccess - first) / 1e9;
        System.out.printf("%n%d orders created by %d shop clients in %d s (%d refused); all SUCCESS after %.1f s -> %.0f orders/s end to end%n",
                createdAt.size(), threads, seconds, failures, span, createdAt.size() / span);
        System.out.printf("create -> SUCCESS seen on the status topic, ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n",
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6,
                latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
        System.out.println("(services, simulator, PostgreSQL and broker share this machine's 2 cores)");
    }

    private static void autoPay(OrderflowSystem system) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.simulator.baseUrl() + "/sim/v1/auto-payer"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"share\":1.0,\"delay_ms\":0,\"mchid\":\"" + TestMerchant.MCHID + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
