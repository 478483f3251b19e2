package io.orderflow.reconcile.bench;

import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestPostgres;
import io.orderflow.platform.test.TestWechatPay;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.reconcile.ReconcileServiceApplication;
import io.orderflow.simulator.RunningSimulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Expiry timers fired and closed per second, and their lag behind due time: reconcile-service in this JVM
 * (embedded PostgreSQL, in-JVM broker) against the WeChat Pay simulator over HTTP with signatures on. The
 * orders are prepaid at the simulator first; then their timers are armed, all due at the same instant, and
 * every one runs the close protocol (query NOTPAY, close, TimeoutExpired into the outbox).
 * Arguments: timers (default 2000), worker threads (2), WeChat calls per second per merchant (the rate
 * limiter; 50 as shipped), concurrent WeChat calls per merchant (the bulkhead; 4 as shipped).
 */
public final class ExpiryBenchmark {

    public static void main(String[] args) {
        int timers = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        RunningSimulator simulator = TestWechatPay.startFast();
        ConfigurableApplicationContext reconcile = start(simulator, threads, rate, concurrency);
        List<String> orders = prepay(reconcile.getBean(WechatPayClients.class), timers);
        JdbcClient jdbc = JdbcClient.create(reconcile.getBean(javax.sql.DataSource.class));

        jdbc.sql("""
                insert into expiry_timer (order_id, mchid, expire_at, close_reason, state, due_at)
                select id, ?, now() + interval '2 seconds', 'EXPIRED', 'ARMED', now() + interval '2 seconds'
                from unnest(?) as id""").params(TestMerchant.MCHID, orders.toArray(String[]::new)).update();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (jdbc.sql("select count(*) from expiry_timer where state = 'ARMED'")
                                .query(Long.class)
                                .single()
                        > 0
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        report(jdbc, timers, threads, rate, concurrency, simulator, orders);
        reconcile.close();
        simulator.close();
        System.exit(0);
    }

    private static void report(
            JdbcClient jdbc,
            int timers,
            int threads,
            int rate,
            int concurrency,
            RunningSimulator simulator,
            List<String> orders) {
        Map<String, Object> figures = jdbc.sql("""
                select count(*) filter (where state = 'DONE') as done,
                       count(*) filter (where outcome = 'CLOSED') as closed,
                       extract(epoch from max(updated_at) - min(due_at)) as seconds,
                       percentile_cont(0.5) within group (order by extract(epoch from updated_at - due_at)) as p50,
                       percentile_cont(0.9) within group (order by extract(epoch from updated_at - due_at)) as p90,
                       percentile_cont(0.99) within group (order by extract(epoch from updated_at - due_at)) as p99,
                       max(extract(epoch from updated_at - due_at)) as max
                from expiry_timer""").query().singleRow();
        double seconds = ((Number) figures.get("seconds")).doubleValue();
        long closedAtWechat = orders.stream()
                .filter(id -> simulator
                        .ledger()
                        .order(TestMerchant.MCHID, id)
                        .orElseThrow()
                        .state()
                        .name()
                        .equals("CLOSED"))
                .count();
        System.out.printf(
                "%ntimers: %d due at once; %d worker threads, rate limit %d WeChat calls/s, bulkhead %d%n",
                timers, threads, rate, concurrency);
        System.out.printf(
                "fired and done: %s (closed: %s; closed at WeChat per its ledger: %d) in %.1f s -> %.0f timers/s%n",
                figures.get("done"),
                figures.get("closed"),
                closedAtWechat,
                seconds,
                ((Number) figures.get("done")).doubleValue() / seconds);
        System.out.printf(
                "lag behind due time, s: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                ((Number) figures.get("p50")).doubleValue(),
                ((Number) figures.get("p90")).doubleValue(),
                ((Number) figures.get("p99")).doubleValue(),
                ((Number) figures.get("max")).doubleValue());
        System.out.println(
                "(each timer is two WeChat calls: query, then close; the simulator shares this machine's cores)");
    }

    /** Orders exist at WeChat before their timers fire, as payment-service would have prepaid them. */
    private static List<String> prepay(WechatPayClients merchants, int count) {
        var jsapi = merchants.merchant(TestMerchant.MCHID).jsapi();
        return IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> {
                    String orderId = "EXB"
                            + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
                    PrepayRequest request = new PrepayRequest();
                    request.setAppid(TestMerchant.APPID);
                    request.setMchid(TestMerchant.MCHID);
                    request.setDescription("expiry benchmark");
                    request.setOutTradeNo(orderId);
                    request.setNotifyUrl("http://127.0.0.1:1/wechatpay/notify/" + TestMerchant.MCHID + "/transaction");
                    Amount amount = new Amount();
                    amount.setTotal(100);
                    request.setAmount(amount);
                    Payer payer = new Payer();
                    payer.setOpenid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
                    request.setPayer(payer);
                    jsapi.prepayWithRequestPayment(request);
                    return orderId;
                })
                .toList();
    }

    private static ConfigurableApplicationContext start(
            RunningSimulator simulator, int threads, int rate, int concurrency) {
        TestPostgres.Database database = TestPostgres.database("reconcile_benchmark_" + System.currentTimeMillis());
        Map<String, Object> properties =
                new HashMap<>(TestMerchant.properties(simulator.baseUrl(), "http://127.0.0.1:1"));
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(3 * threads + 8));
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.bootstrapServers());
        properties.put("orderflow.reconcile.worker.threads", String.valueOf(threads));
        properties.put("resilience4j.ratelimiter.configs.wechatpay.limit-for-period", String.valueOf(rate));
        properties.put("resilience4j.ratelimiter.configs.wechatpay.timeout-duration", "30s");
        properties.put("resilience4j.bulkhead.configs.wechatpay.max-concurrent-calls", String.valueOf(concurrency));
        properties.put("resilience4j.bulkhead.configs.wechatpay.max-wait-duration", "30s");
        properties.put("logging.level.io.orderflow", "WARN");
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ReconcileServiceApplication.class).run(arguments);
    }
}
