package io.orderflow.order.bench;

import io.orderflow.order.OrderServiceApplication;
import io.orderflow.order.shop.ShopManagement;
import io.orderflow.order.shop.ShopSecret;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.TestSigner;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Order creations per second and latency of signed {@code POST /v1/orders} (signature check, nonce
 * insert, order insert, OrderCreated + OrderStatusChanged in the outbox, relay to the broker), with
 * the service in-process on the embedded PostgreSQL and Kafka. Not a test: run it by hand, see README.
 * System properties: {@code clients} (16), {@code seconds} (20), {@code warmup} (5).
 */
public final class OrderApiBenchmark {

    private static final int CLIENTS = Integer.getInteger("clients", 16);
    private static final int SECONDS = Integer.getInteger("seconds", 20);
    private static final int WARMUP = Integer.getInteger("warmup", 5);

    private OrderApiBenchmark() {
    }

    public static void main(String[] args) {
        int exitCode = 0;
        try (ConfigurableApplicationContext service = start()) {
            measure(service);
        } catch (Exception | Error e) {
            e.printStackTrace();
            exitCode = 1;
        }
        // the embedded PostgreSQL and broker keep non-daemon threads: leave explicitly
        System.exit(exitCode);
    }

    private static void measure(ConfigurableApplicationContext service) throws InterruptedException {
        int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
        ShopSecret shop = service.getBean(ShopManagement.class).create("benchmark", "1230000109", "wx2421b1c4370ec43b");
        TestSigner signer = new TestSigner(shop.shop().shopId(), shop.secret());
        run(port, signer, Duration.ofSeconds(WARMUP));
        Result result = run(port, signer, Duration.ofSeconds(SECONDS));
        System.out.printf("%nPOST /v1/orders, %d clients, %d s: %.0f creations/s, p50 %.2f ms, p99 %.2f ms, "
                        + "p99.9 %.2f ms, max %.2f ms, %d errors%n", CLIENTS, SECONDS, result.perSecond(),
                ms(result.latency().getValueAtPercentile(50)), ms(result.latency().getValueAtPercentile(99)),
                ms(result.latency().getValueAtPercentile(99.9)), ms(result.latency().getMaxValue()), result.errors());
    }

    private record Result(double perSecond, Histogram latency, long errors) {
    }

    private static Result run(int port, TestSigner signer, Duration duration) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        Instant end = Instant.now().plus(duration);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> drive(port, signer, end, recorder, errors), "client-" + i);
            client.start();
            clients.add(client);
        }
        long started = System.nanoTime();
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Histogram latency = recorder.getIntervalHistogram();
        return new Result((latency.getTotalCount()) / seconds, latency, errors.get());
    }

    private static void drive(int port, TestSigner signer, Instant end, Recorder recorder, AtomicLong errors) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + port + "/v1/orders");
        while (Instant.now().isBefore(end)) {
            String body = Orders.body(Orders.newShopOrderNo(), 100);
            String authorization = signer.authorization("POST", "/v1/orders",
                    String.valueOf(Instant.now().getEpochSecond()), UUID.randomUUID().toString(), body);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 201) {
                    recorder.recordValue((System.nanoTime() - start) / 1_000);
                } else {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }
    }

    private static ConfigurableApplicationContext start() {
        TestPostgres.Database database = TestPostgres.database("order_benchmark");
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", 20);
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("orderflow.shops.secret-encryption-key", "YmVuY2htYXJrLW9ubHkta2V5LTMyLWJ5dGVzLTEyMzQ=");
        properties.put("logging.level.root", "WARN");
        // command-line arguments outrank application.yml (default properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(OrderServiceApplication.class).run(args);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
