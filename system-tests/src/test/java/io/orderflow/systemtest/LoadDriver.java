package io.orderflow.systemtest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * The offered load: a closed loop of shop clients, each a shop of its own (so the per-shop create
 * rate limit, 100/s by default, stays out of the way), each creating one order after the other
 * with {@code Prefer: wait=10}, so that every create call returns once the pay params exist.
 * A new payer per order keeps the per-payer risk limits out of the way too.
 */
final class LoadDriver implements LoadGenerator {

    private final List<ShopClient> shops;
    private final LoadTimeline timeline;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    LoadDriver(List<ShopClient> shops, LoadTimeline timeline) {
        this.shops = List.copyOf(shops);
        this.timeline = timeline;
    }

    @Override
    public void start() {
        running.set(true);
        for (int i = 0; i < shops.size(); i++) {
            ShopClient shop = shops.get(i);
            Thread client = new Thread(() -> createWhileRunning(shop), "load-client-" + i);
            client.setDaemon(true);
            threads.add(client);
            client.start();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : threads) {
            client.join(60_000);
        }
    }

    private void createWhileRunning(ShopClient shop) {
        while (running.get()) {
            create(shop, timeline, LoadTimeline.now());
        }
    }

    /**
     * One {@code POST /v1/orders} with {@code Prefer: wait=10} for a new payer, noted in the timeline as
     * started at {@code start} (now in the closed loop; the scheduled instant in the open loop).
     */
    static void create(ShopClient shop, LoadTimeline timeline, long start) {
        String body = """
                {"shop_order_no":"L-%s","description":"load","amount":{"total":100,"currency":"CNY"},\
                "payer":{"openid":"%s"}}""".formatted(UUID.randomUUID(), ShopClient.newPayer());
        try {
            HttpResponse<String> created = shop.post("/v1/orders", body, "Prefer", "wait=10");
            record(timeline, created, start, LoadTimeline.now());
        } catch (RuntimeException e) {
            timeline.refused(e.getClass().getSimpleName());
        }
    }

    private static void record(LoadTimeline timeline, HttpResponse<String> created, long start, long end) {
        if (created.statusCode() != 201) {
            String code = created.statusCode() + "";
            try {
                code += " "
                        + ShopClient.JSON.readTree(created.body()).path("code").asString();
            } catch (RuntimeException notJson) {
                // the status alone says enough
            }
            timeline.refused(code.trim());
            return;
        }
        JsonNode order = ShopClient.JSON.readTree(created.body());
        boolean payParams =
                order.path("pay_params").path("package").asString("").startsWith("prepay_id=");
        timeline.created(
                order.path("order_id").asString(),
                start,
                end,
                payParams,
                order.path("status").asString(""));
    }
}
