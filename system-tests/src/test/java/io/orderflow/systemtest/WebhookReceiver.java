package io.orderflow.systemtest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A shop's webhook receiver, in the test JVM (JDK HttpServer on a fixed port): records every POST it acknowledges
 * and checks its signature as docs/webhooks.md tells a shop to, with the endpoint's secret. It can answer 503
 * ({@link #unavailable()}) or be stopped altogether, so that notify-service's connections are refused
 * ({@link #down()}), and come back ({@link #up()}) on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** The documented tolerance of the signature's timestamp. */
    static final long TOLERANCE_SECONDS = 300;

    /**
     * One acknowledged delivery as the shop saw it.
     *
     * @param signatureValid the documented check passed: {@code t} within 5 minutes of the receiver's clock and a
     *     {@code v1} equal to HMAC-SHA256(secret, t + "." + raw body)
     */
    record Delivery(
            String ceId,
            String orderId,
            long version,
            String to,
            int attempt,
            boolean signatureValid,
            Instant receivedAt) {}

    private final List<Delivery> acknowledged = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final int port;
    private volatile String secret;
    private volatile boolean unavailable;
    private final AtomicInteger refused = new AtomicInteger();
    private HttpServer server;

    WebhookReceiver() {
        this.server = bind(0);
        this.port = server.getAddress().getPort();
        server.start();
    }

    /** The endpoint's URL (plain http on loopback: the system's services allow both for the test). */
    String url() {
        return "http://127.0.0.1:" + port + "/shop/hooks";
    }

    /** The endpoint's secret, as its registration answered it once. */
    void secret(String secret) {
        this.secret = secret;
    }

    /** Listens (again) and answers 503 to every delivery until {@link #up()}. */
    synchronized void unavailable() {
        unavailable = true;
        listen();
    }

    /** Stops listening: every connection is refused until {@link #up()}. */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port and acknowledges every delivery. */
    synchronized void up() {
        unavailable = false;
        listen();
    }

    private void listen() {
        if (server == null) {
            server = bind(port);
            server.start();
        }
    }

    /** The deliveries acknowledged so far. */
    List<Delivery> deliveries() {
        return List.copyOf(acknowledged);
    }

    /** How many deliveries were answered 503. */
    int refused() {
        return refused.get();
    }

    private HttpServer bind(int on) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 128);
            created.setExecutor(threads);
            created.createContext("/shop/hooks", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (unavailable) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                var headers = exchange.getRequestHeaders();
                JsonNode json = ShopClient.JSON.readTree(new String(body, StandardCharsets.UTF_8));
                acknowledged.add(new Delivery(
                        headers.getFirst("ce-id"),
                        json.path("order_id").asString(),
                        json.path("version").asLong(),
                        json.path("to").asString(),
                        Integer.parseInt(headers.getFirst("Orderflow-Attempt")),
                        verify(headers.getFirst("Orderflow-Signature"), body, secret, Instant.now()),
                        Instant.now()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The check of docs/webhooks.md, written from it: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>]}; accept when
     * {@code t} is within 5 minutes of {@code now} and one {@code v1} is hex(HMAC-SHA256(secret, t + "." + body)).
     */
    static boolean verify(String header, byte[] body, String secret, Instant now) {
        if (header == null || secret == null) {
            return false;
        }
        long t = -1;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (kv.length == 2 && kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t < 0 || Math.abs(now.getEpochSecond() - t) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, t, body)).getBytes(StandardCharsets.UTF_8);
        return v1.stream().anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The header notify-service would send for this body at {@code t} (the unit tests' deliveries). */
    static String sign(String secret, long t, byte[] body) {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
    }

    private static byte[] hmac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        down();
        threads.shutdownNow();
    }
}
