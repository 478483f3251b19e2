package io.orderflow.notify.webhook;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.webhook.WebhookAddresses;
import io.orderflow.platform.webhook.WebhookSecrets;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * POSTs one delivery: the OrderStatusChanged JSON as the body, CloudEvents binary-mode headers, and
 * {@code Orderflow-Signature} with one {@code v1} per valid secret. Redirects are not followed (a redirect to an
 * inner address would bypass the address check, made again here since DNS answers change).
 */
class WebhookSender {

    /** The outcome of one attempt: the status code (null without an answer), how long it took, what went wrong. */
    record Result(Integer statusCode, long latencyMs, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient http;
    private final WebhookSecrets secrets;
    private final WebhookAddresses addresses;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(WebhookSecrets secrets, WebhookAddresses addresses, Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.secrets = secrets;
        this.addresses = addresses;
        this.timeout = timeout;
        this.clock = clock;
    }

    CompletableFuture<Result> send(Claimed delivery) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = addresses.check(delivery.url());
        } catch (WebhookAddresses.Refused e) {
            return CompletableFuture.completedFuture(new Result(null, 0, e.code() + ": " + e.getMessage()));
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "orderflow-webhooks/1")
                .header("ce-specversion", "1.0")
                .header("ce-id", delivery.ceId())
                .header("ce-type", EventTypes.ORDER_STATUS_CHANGED.ceType())
                .header("ce-source", EventTypes.source(EventTypes.ORDER_SERVICE))
                .header("ce-subject", delivery.orderId())
                .header("ce-time", delivery.occurredAt().toString())
                .header("Orderflow-Event-Type", delivery.eventType())
                .header("Orderflow-Delivery", delivery.deliveryId().toString())
                .header("Orderflow-Attempt", String.valueOf(delivery.attemptNo()))
                .header(
                        WebhookSecrets.SIGNATURE_HEADER,
                        WebhookSecrets.signatureHeader(now.getEpochSecond(), body, signingSecrets(delivery, now)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            long latency = (System.nanoTime() - started) / 1_000_000;
            if (failure == null) {
                return new Result(
                        response.statusCode(),
                        latency,
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode());
            }
            return new Result(null, latency, describe(failure));
        });
    }

    /** The current secret, and the previous one while its overlap lasts. */
    private List<String> signingSecrets(Claimed delivery, Instant now) {
        List<String> signing = new ArrayList<>(2);
        signing.add(secrets.secret(delivery.endpointId(), delivery.secretGeneration()));
        if (delivery.previousSecretGeneration() != null
                && delivery.previousSecretValidUntil().isAfter(now)) {
            signing.add(secrets.secret(delivery.endpointId(), delivery.previousSecretGeneration()));
        }
        return signing;
    }

    private String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timeout after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
