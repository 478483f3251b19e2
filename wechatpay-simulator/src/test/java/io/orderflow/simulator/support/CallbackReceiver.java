package io.orderflow.simulator.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A merchant notify endpoint for tests, on the JDK server (fine for receiving: only responses
 * read by the SDK need exact header case). Records every request; answers via {@code responder}.
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One received POST; header names as the JDK server normalises them, so look them up leniently. */
    public record Received(Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;

    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4);

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final AtomicInteger count = new AtomicInteger();

    private volatile Function<Received, Integer> responder = request -> 200;

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange -> {
            var headers = new java.util.HashMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            var request =
                    new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            count.incrementAndGet();
            exchange.sendResponseHeaders(responder.apply(request), -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void respondWith(Function<Received, Integer> responder) {
        this.responder = responder;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int count() {
        return count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
