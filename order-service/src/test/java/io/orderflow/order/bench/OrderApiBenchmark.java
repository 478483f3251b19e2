package io.orderflow.order.bench;

import io.orderflow.order.OrderServiceApplication;
import io.orderflow.order.risk.LimitOverrides;
import io.orderflow.order.risk.RiskManagement;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Order creations per second and latency of signed {@code POST /v1/orders} (signature check, nonce
 * insert, order insert, OrderCreated + OrderStatusChanged in the outbox, relay to the broker), with
 * the service in-process on the embedded PostgreSQL and Kafka. Not a test: run it by hand, see README.
 *
 * <p>Two instances run side by side, each on its own database: one with the risk limits off, one with
 * them on. The clients drive them in alternating slices, so that both see the same neighbours' load on
 * a shared machine; the summary compares the totals, and the CPU time per creation (this JVM plus the
 * PostgreSQL server), which neighbours disturb far less than throughput. System properties: {@code clients} (16),
 * {@code rounds} (6), {@code slice} (5 s per instance and round), {@code warmup} (5 s each),
 * {@code payers} (100000 distinct openids).
 */
public final class OrderApiBenchmark {

    private static final int CLIENTS = Integer.getInteger("clients", 16);
    private static final int ROUNDS = Integer.getInteger("rounds", 6);
    private static final int SLICE = Integer.getInteger("slice", 5);
    private static final int WARMUP = Integer.getInteger("warmup", 5);
    private static final int PAYERS = Integer.getInteger("payers", 100_000);

    private OrderApiBenchmark() {}

    public static void main(String[] args) {
        int exitCode = 0;
        try (ConfigurableApplicationContext off = start("order_benchmark_off", false);
                ConfigurableApplicationContext on = start("order_benchmark_on", true)) {
            Target[] targets = {target(off, "off"), target(on, "on")};
            for (Target target : targets) {
                run(target, Duration.ofSeconds(WARMUP));
            }
            // fresh databases have no planner statistics yet (autovacuum would gather them a minute or so
            // later); a production database has them, so gather them now rather than measure the gap
            for (ConfigurableApplicationContext service : List.of(off, on)) {
                service.getBean(JdbcClient.class).sql("analyze").update();
            }
            CpuMeter cpu = new CpuMeter(off.getBean(JdbcClient.class)
                    .sql("select pg_backend_pid()")
                    .query(Long.class)
                    .single());
            Histogram[] latency = {new Histogram(3), new Histogram(3)};
            double[] seconds = new double[2];
            long[] errors = new long[2];
            long[][] cpuNanos = new long[2][2];
            // each round runs both back to back, so its on/off ratio sees nearly the same neighbours
            List<Double> rateRatios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                double[] roundRate = new double[2];
                double[] roundCpu = new double[2];
                StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
                for (int i = 0; i < 2; i++) {
                    // alternate which goes first, so neither always follows the other's outbox backlog
                    int t = (round + i) % 2;
                    long[] before = cpu.sample();
                    Result slice = run(targets[t], Duration.ofSeconds(SLICE));
                    long[] after = cpu.sample();
                    cpuNanos[t][0] += after[0] - before[0];
                    cpuNanos[t][1] += after[1] - before[1];
                    roundRate[t] = slice.perSecond();
                    roundCpu[t] = (after[0] - before[0] + after[1] - before[1])
                            / (double) slice.latency().getTotalCount();
                    latency[t].add(slice.latency());
                    seconds[t] += slice.seconds();
                    errors[t] += slice.errors();
                    line.append(String.format(" limits %s %.0f/s", targets[t].limits(), slice.perSecond()));
                }
                rateRatios.add(roundRate[1] / roundRate[0]);
                cpuRatios.add(roundCpu[1] / roundCpu[0]);
                System.out.println(line);
            }
            double[] rate = new double[2];
            for (int t = 0; t < 2; t++) {
                rate[t] = latency[t].getTotalCount() / seconds[t];
                System.out.printf(
                        "%nPOST /v1/orders, limits %s, %d clients, %d x %d s: %.0f creations/s, p50 %.2f ms, "
                                + "p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %d errors%n",
                        targets[t].limits(),
                        CLIENTS,
                        ROUNDS,
                        SLICE,
                        rate[t],
                        ms(latency[t].getValueAtPercentile(50)),
                        ms(latency[t].getValueAtPercentile(99)),
                        ms(latency[t].getValueAtPercentile(99.9)),
                        ms(latency[t].getMaxValue()),
                        errors[t]);
            }
            double[] cpuPerCreation = new double[2];
            for (int t = 0; t < 2; t++) {
                long count = latency[t].getTotalCount();
                cpuPerCreation[t] = (cpuNanos[t][0] + cpuNanos[t][1]) / 1e3 / count;
                System.out.printf(
                        "limits %s: CPU per creation %.0f us (JVM with clients and broker %.0f us, "
                                + "PostgreSQL %.0f us)%n",
                        targets[t].limits(),
                        cpuPerCreation[t],
                        cpuNanos[t][0] / 1e3 / count,
                        cpuNanos[t][1] / 1e3 / count);
            }
            System.out.printf(
                    "limits on vs off: %+.1f %% creations/s (wall clock, shared machine), "
                            + "%+.1f %% CPU per creation%n",
                    100 * (rate[1] / rate[0] - 1), 100 * (cpuPerCreation[1] / cpuPerCreation[0] - 1));
            System.out.printf(
                    "median of the %d rounds' on/off ratios: %+.1f %% creations/s, %+.1f %% CPU per creation%n",
                    ROUNDS, 100 * (median(rateRatios) - 1), 100 * (median(cpuRatios) - 1));
        } catch (Exception | Error e) {
            e.printStackTrace();
            exitCode = 1;
        }
        // the embedded PostgreSQL and broker keep non-daemon threads: leave explicitly
        System.exit(exitCode);
    }

    /** One instance with its shop. */
    private record Target(int port, TestSigner signer, String limits) {}

    private static Target target(ConfigurableApplicationContext service, String limits) {
        int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
        ShopSecret shop = service.getBean(ShopManagement.class).create("benchmark", "1230000109", "wx2421b1c4370ec43b");
        // the rate limit is checked on every request but set above what two cores can reach
        service.getBean(RiskManagement.class)
                .setLimits(shop.shop().shopId(), new LimitOverrides(null, null, null, null, 1_000_000));
        return new Target(port, new TestSigner(shop.shop().shopId(), shop.secret()), limits);
    }

    private record Result(double seconds, Histogram latency, long errors) {
        double perSecond() {
            return latency.getTotalCount() / seconds;
        }
    }

    private static Result run(Target target, Duration duration) throws InterruptedException {
        int port = target.port();
        TestSigner signer = target.signer();
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
        return new Result(seconds, latency, errors.get());
    }

    private static void drive(int port, TestSigner signer, Instant end, Recorder recorder, AtomicLong errors) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + port + "/v1/orders");
        while (Instant.now().isBefore(end)) {
            // many payers, as in a real shop: each payer's window holds a few orders at most
            String openid = "oBench"
                    + String.format("%022d", ThreadLocalRandom.current().nextInt(PAYERS));
            String body = Orders.body(Orders.newShopOrderNo(), 100, openid);
            String authorization = signer.authorization(
                    "POST",
                    "/v1/orders",
                    String.valueOf(Instant.now().getEpochSecond()),
                    UUID.randomUUID().toString(),
                    body);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long start = System.nanoTime();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
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

    private static ConfigurableApplicationContext start(String databaseName, boolean limits) {
        TestPostgres.Database database = TestPostgres.database(databaseName);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", 20);
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.bootstrapServers());
        properties.put("server.port", 0);
        properties.put("orderflow.shops.secret-encryption-key", "YmVuY2htYXJrLW9ubHkta2V5LTMyLWJ5dGVzLTEyMzQ=");
        properties.put("orderflow.webhooks.master-key", "YmVuY2htYXJrLW9ubHktd2ViaG9vay1tYXN0ZXIta2V5LTEy");
        properties.put("logging.level.root", "WARN");
        properties.put("orderflow.wechatpay.merchants[0].mchid", "1230000109");
        properties.put("orderflow.wechatpay.merchants[0].appids[0]", "wx2421b1c4370ec43b");
        properties.put("orderflow.risk.enabled", limits);
        // command-line arguments outrank application.yml (default properties would not)
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(OrderServiceApplication.class).run(args);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
