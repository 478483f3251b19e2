package io.orderflow.simulator.bench;

import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Load driver: signed prepay and query requests per second through the official SDK from several
 * client threads, then callbacks delivered per second while orders are paid through the control
 * API. Arguments: threads, seconds per phase. With {@code -Dbench.base-url} it drives a simulator
 * started separately (with the SDK test keys); {@code -Dbench.pid} then adds that process's CPU
 * time per operation, which says how far the simulator alone would go on this machine.
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Duration phase = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        String external = System.getProperty("bench.base-url");
        RunningSimulator embedded = external == null ? SharedSimulator.get() : null;
        String baseUrl = external != null ? external : embedded.baseUrl();
        var driver = new LoadDriver(threads, phase, System.getProperty("bench.pid"));
        try (var receiver = new CallbackReceiver()) {
            Sdk sdk = Sdk.forTestMerchant(
                    baseUrl, SharedSimulator.PUBLIC_KEY_ID, Sdk.resource("keys/wechat_pay_public_key.pem"));
            var prepaid = new ConcurrentLinkedQueue<String>();
            driver.run("warm-up (JIT)", () -> prepay(sdk, receiver, prepaid));
            prepaid.clear();
            driver.run("prepay (signed, verified)", () -> prepay(sdk, receiver, prepaid));
            List<String> orders = List.copyOf(prepaid);
            driver.run("query by out_trade_no", () -> query(sdk, orders));
            callbacks(driver, baseUrl, receiver, new ConcurrentLinkedQueue<>(orders));
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void prepay(Sdk sdk, CallbackReceiver receiver, ConcurrentLinkedQueue<String> prepaid) {
        var request = Orders.prepay(receiver.url("/notify"), 100);
        sdk.jsapi().prepayWithRequestPayment(request);
        prepaid.add(request.getOutTradeNo());
    }

    private static void query(Sdk sdk, List<String> orders) {
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(SharedSimulator.MCHID);
        request.setOutTradeNo(orders.get((int) (Math.random() * orders.size())));
        sdk.jsapi().queryOrderByOutTradeNo(request);
    }

    /** Pays the prepaid orders through the control API; counts signed, encrypted callbacks acknowledged. */
    private static void callbacks(
            LoadDriver driver, String baseUrl, CallbackReceiver receiver, ConcurrentLinkedQueue<String> unpaid)
            throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int total = unpaid.size();
        int before = receiver.count();
        long start = System.nanoTime();
        long cpuBefore = driver.simulatorCpuNanos();
        driver.runUntilEmpty(() -> pay(http, baseUrl, unpaid.poll()), unpaid);
        while (receiver.count() - before < total && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(2)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int delivered = receiver.count() - before;
        System.out.printf(
                "%-28s %8.0f callbacks/s  (%d of %d delivered in %.1fs)%s%n",
                "pay -> callback -> 2xx",
                delivered / seconds,
                delivered,
                total,
                seconds,
                driver.cpuPerOp(cpuBefore, delivered));
    }

    private static void pay(HttpClient http, String baseUrl, String outTradeNo) {
        if (outTradeNo == null) {
            return;
        }
        String body = "{\"mchid\":\"" + SharedSimulator.MCHID + "\",\"out_trade_no\":\"" + outTradeNo + "\"}";
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/sim/v1/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
