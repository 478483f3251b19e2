package io.orderflow.notify.bench;

import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.WechatPayCallbacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Callbacks verified and committed per second, with response-time percentiles: notify-service
 * in this JVM on the embedded PostgreSQL and in-JVM broker, fed distinct, validly signed
 * TRANSACTION.SUCCESS callbacks (signed before the clock starts) by several client threads.
 * Arguments: client threads (default 8), callbacks (default 6000).
 */
public final class CallbackBenchmark {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
        ConfigurableApplicationContext notify = BenchmarkService.start("notify_benchmark", Map.of());
        int port = ((WebServerApplicationContext) notify).getWebServer().getPort();
        ConcurrentLinkedQueue<WechatPayCallbacks.Callback> callbacks = prepare(total);
        ConcurrentHistogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicLong failures = new AtomicLong();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI target =
                URI.create("http://127.0.0.1:" + port + "/wechatpay/notify/" + TestMerchant.MCHID + "/transaction");
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            clients.submit(() -> drive(http, target, callbacks, latency, failures));
        }
        clients.shutdown();
        clients.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%ncallbacks: %d with %d client threads in %.1f s -> %.0f verified and committed/s (%d failed)%n",
                total, threads, seconds, (total - failures.get()) / seconds, failures.get());
        System.out.printf(
                "response time ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(90) / 1e6,
                latency.getValueAtPercentile(99) / 1e6,
                latency.getMaxValue() / 1e6);
        System.out.println("(the client, the service, PostgreSQL and the broker share this machine's cores)");
        notify.close();
        System.exit(0);
    }

    private static void drive(
            HttpClient http,
            URI target,
            ConcurrentLinkedQueue<WechatPayCallbacks.Callback> callbacks,
            ConcurrentHistogram latency,
            AtomicLong failures) {
        WechatPayCallbacks.Callback callback;
        while ((callback = callbacks.poll()) != null) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Content-Type", "application/json");
            callback.headers().forEach(request::header);
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = http.send(
                        request.POST(HttpRequest.BodyPublishers.ofString(callback.body()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                latency.recordValue(System.nanoTime() - start);
                if (response.statusCode() != 204) {
                    failures.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        }
    }

    /** Signing is the sender's cost, not ours: all callbacks are made before measuring. */
    private static ConcurrentLinkedQueue<WechatPayCallbacks.Callback> prepare(int total) {
        List<WechatPayCallbacks.Callback> made = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String orderId =
                    "OFB" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            made.add(WechatPayCallbacks.transaction(
                    "{\"mchid\":\"" + TestMerchant.MCHID + "\",\"appid\":\"" + TestMerchant.APPID
                            + "\",\"out_trade_no\":\"" + orderId + "\",\"transaction_id\":\"42" + i
                            + "\",\"trade_type\":\"JSAPI\","
                            + "\"trade_state\":\"SUCCESS\",\"success_time\":\"2026-11-30T10:00:00+08:00\","
                            + "\"amount\":{\"total\":100,\"payer_total\":100,\"currency\":\"CNY\"}}"));
        }
        return new ConcurrentLinkedQueue<>(made);
    }
}
