package io.orderflow.simulator.callback;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.ledger.CallbackDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs one copy of a notification and records the delivery on the order. Success is a 2xx
 * within the callback timeout (5 s at WeChat); anything else, including a timeout, is a failure.
 */
class CallbackSender {

    /** What WeChat's callbacks were seen to send (wechatpay-apiv3/wechatpay-go#28), not the JDK's own agent. */
    static final String USER_AGENT = "Mozilla/4.0";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final SimulatedTime time;

    private final Duration timeout;

    CallbackSender(SimulatedTime time, Duration timeout) {
        this.time = time;
        this.timeout = timeout;
    }

    /** Completes with true when the merchant acknowledged with a 2xx. */
    CompletableFuture<Boolean> send(Notification notification, String kind, int attempt, Map<String, String> headers) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(notification.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "*/*")
                    .header("Pragma", "no-cache")
                    .POST(HttpRequest.BodyPublishers.ofString(notification.body()));
        } catch (IllegalArgumentException ex) {
            record(notification, kind, attempt, 0, "ERROR");
            return CompletableFuture.completedFuture(false);
        }
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    int status = failure == null ? response.statusCode() : 0;
                    boolean acknowledged = status >= 200 && status < 300;
                    record(
                            notification,
                            kind,
                            attempt,
                            status,
                            failure != null ? "ERROR" : acknowledged ? "ACKNOWLEDGED" : "REJECTED");
                    return acknowledged;
                });
    }

    void record(Notification notification, String kind, int attempt, int status, String outcome) {
        notification
                .order()
                .record(new CallbackDelivery(
                        notification.id(),
                        notification.eventType(),
                        notification.outRefundNo(),
                        kind,
                        attempt,
                        time.now(),
                        status,
                        outcome));
    }
}
