package io.orderflow.notify.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of webhook deliveries, under {@code orderflow.webhooks}.
 *
 * @param masterKey the key endpoint secrets are derived from (the Secret shared with order-service); required
 * @param allowHttp send to plain {@code http} URLs (local runs)
 * @param allowPrivateAddresses send to loopback, link-local or private addresses (local runs, shops inside the
 *     deployment's network); otherwise refused at each send, since DNS answers change
 * @param timeout the longest a receiver may take to answer; beyond it the attempt failed
 * @param retrySchedule delay before each retry, counted from the previous attempt; the delivery fails after the
 *     last one
 * @param timeScale multiplies every delay of the schedule (tests)
 * @param disableAfter an endpoint none of whose attempts succeeded for this long is disabled
 * @param perEndpointConcurrency the most sends open at once to one endpoint, per replica
 * @param maxInFlight the most sends open at once, per replica
 * @param batchSize the most rows one claim takes
 * @param pollInterval bounds how late rows written by another replica are noticed
 */
@ConfigurationProperties("orderflow.webhooks")
public record WebhookProperties(
        String masterKey,
        Boolean allowHttp,
        Boolean allowPrivateAddresses,
        Duration timeout,
        List<Duration> retrySchedule,
        Double timeScale,
        Duration disableAfter,
        Integer perEndpointConcurrency,
        Integer maxInFlight,
        Integer batchSize,
        Duration pollInterval) {

    /** 10 s, 1 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 10 h: 11 attempts over 25 h 51 min. */
    public static final List<Duration> DEFAULT_SCHEDULE = List.of(
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(4),
            Duration.ofHours(8),
            Duration.ofHours(10));

    public WebhookProperties {
        allowHttp = allowHttp != null && allowHttp;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        retrySchedule =
                retrySchedule == null || retrySchedule.isEmpty() ? DEFAULT_SCHEDULE : List.copyOf(retrySchedule);
        timeScale = timeScale == null ? 1.0 : timeScale;
        disableAfter = disableAfter == null ? Duration.ofHours(72) : disableAfter;
        perEndpointConcurrency = perEndpointConcurrency == null ? 8 : perEndpointConcurrency;
        maxInFlight = maxInFlight == null ? 256 : maxInFlight;
        batchSize = batchSize == null ? 64 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    }

    /** The delay before the retry after the {@code step}-th attempt failed (from 1); empty after the last. */
    public java.util.Optional<Duration> retryAfter(int step) {
        if (step < 1 || step > retrySchedule.size()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                Duration.ofNanos(Math.round(retrySchedule.get(step - 1).toNanos() * timeScale)));
    }
}
