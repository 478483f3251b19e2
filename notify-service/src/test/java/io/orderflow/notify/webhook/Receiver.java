package io.orderflow.notify.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A shop's web server for the tests: a real HTTP server on a free port. Each path answers as it is told (a status,
 * or a delay first) and records every request it received.
 */
final class Receiver implements AutoCloseable {

    /** One received request: headers (case-insensitive), body, when. */
    record Request(String path, Headers headers, byte[] body, Instant at) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, Duration delay) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    /** Counted down at close: a slow answer is held for its delay or until the receiver closes. */
    private final CountDownLatch closed = new CountDownLatch(1);

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Request(path, exchange.getRequestHeaders(), body, Instant.now()));
            Answer answer = answers.getOrDefault(path, new Answer(204, Duration.ZERO));
            try {
                closed.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    /** http://127.0.0.1:port/path, answered 204 until told otherwise. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, int status) {
        answers.put(path, new Answer(status, Duration.ZERO));
    }

    /** Answers only after the delay (a receiver that hangs). */
    void hang(String path, Duration delay) {
        answers.put(path, new Answer(204, delay));
    }

    List<Request> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** A URL where nothing listens: connections are refused. */
    static String refusing() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/nobody";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
