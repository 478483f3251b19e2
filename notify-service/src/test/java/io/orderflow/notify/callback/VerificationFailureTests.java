package io.orderflow.notify.callback;

import static io.orderflow.notify.TestQueries.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.EventTypes;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.platform.outbox.Outbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A burst of callbacks failing verification from one source raises CALLBACK_VERIFICATION_BURST exactly once
 * per incident: through the endpoint (default threshold 20 per 60 s, here for a merchant not configured),
 * under 16 concurrent requests, from two replicas flushing at once, and again only after a quiet window (on a
 * fixed clock). Requests tally in memory; the tests flush explicitly instead of waiting for the schedule. Same
 * configuration as the startup tests, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationFailureTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BURST = EventTypes.NOTIFY_RISK_ALERT_RAISED.ceType();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Outbox outbox;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MeterRegistry meters;

    @Autowired
    VerificationFailures failures;

    @BeforeEach
    void forgetEarlierFailuresOfTheTestSources() {
        failures.flush();
        jdbc.sql(
                        "delete from callback_failure_burst where remote_address = '127.0.0.1' or remote_address like '198.51.100.%'")
                .update();
    }

    @Test
    void twentyFailuresRaiseOneAlertAndMoreOfTheSameIncidentNone() throws Exception {
        long before = alertsInOutbox();
        double counted = alertMetric();
        for (int i = 0; i < 19; i++) {
            assertThat(forged().statusCode()).isEqualTo(401);
        }
        failures.flush();
        assertThat(alertsInOutbox()).as("one below the threshold").isEqualTo(before);

        assertThat(forged().statusCode()).as("the answer stays 401").isEqualTo(401);
        failures.flush();
        assertThat(alertsInOutbox()).isEqualTo(before + 1);
        for (int i = 0; i < 10; i++) {
            forged();
        }
        failures.flush();
        assertThat(alertsInOutbox()).isEqualTo(before + 1);
        assertThat(alertMetric()).isEqualTo(counted + 1);
        String payload = jdbc.sql("select convert_from(payload, 'UTF8') from outbox_event where ce_type = ? "
                        + "order by sequence_no desc limit 1")
                .param(BURST)
                .query(String.class)
                .single();
        assertThat(payload)
                .contains(
                        "\"kind\":\"CALLBACK_VERIFICATION_BURST\"",
                        "\"remote_address\":\"127.0.0.1\"",
                        "\"count\":20",
                        "\"count_threshold\":20")
                .doesNotContain("Wechatpay-Signature", "signature");
    }

    @Test
    void sixteenConcurrentFailuresAtTheThresholdRaiseExactlyOneAlert() throws Exception {
        long before = alertsInOutbox();
        for (int i = 0; i < 10; i++) {
            forged();
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CyclicBarrier start = new CyclicBarrier(16);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                    return forged().statusCode();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            pool))
                    .toList();
            assertThat(calls).allSatisfy(call -> assertThat(call.join()).isEqualTo(401));
        } finally {
            pool.shutdown();
        }
        failures.flush();
        assertThat(alertsInOutbox()).isEqualTo(before + 1);
        assertThat(failuresCounted("127.0.0.1")).isEqualTo(26);
    }

    @Test
    void aSourceQuietForAWindowOpensANewIncidentOnItsNextBurst() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        VerificationFailures replica = replica(clock, 3);
        RawCallback callback = new RawCallback("1230000109", CallbackKind.TRANSACTION, Map.of(), "{}", "198.51.100.7");

        assertThat(failOnce(replica, callback, "BAD_SIGNATURE")).isZero();
        assertThat(failOnce(replica, callback, "SIGNTEST_PROBE"))
                .as("probes do not count")
                .isZero();
        assertThat(failOnce(replica, callback, "STALE_TIMESTAMP")).isZero();
        assertThat(failOnce(replica, callback, "UNKNOWN_MERCHANT")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(60));
        assertThat(failOnce(replica, callback, "BAD_SIGNATURE"))
                .as("within a window of the last")
                .isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(failOnce(replica, callback, "BAD_SIGNATURE")).isZero();
        assertThat(failOnce(replica, callback, "BAD_SIGNATURE")).isZero();
        assertThat(failOnce(replica, callback, "BAD_SIGNATURE"))
                .as("a new incident")
                .isEqualTo(1);
        assertThat(alertsFrom(callback.remoteAddress())).isEqualTo(2);
    }

    @Test
    void twoReplicasFlushingTheSameSourceAtOnceOpenOneIncident() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        List<VerificationFailures> replicas = List.of(replica(clock, 20), replica(clock, 20));
        RawCallback callback = new RawCallback("1230000109", CallbackKind.TRANSACTION, Map.of(), "{}", "198.51.100.8");
        for (VerificationFailures replica : replicas) {
            for (int i = 0; i < 12; i++) {
                replica.failed(callback, "BAD_SIGNATURE");
            }
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> flushes = replicas.stream()
                .map(replica -> CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return replica.flush();
                }))
                .toList();

        assertThat(flushes.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(1);
        assertThat(failuresCounted(callback.remoteAddress())).isEqualTo(24);
        assertThat(alertsFrom(callback.remoteAddress())).isEqualTo(1);
    }

    @Test
    void aFlushTheDatabaseRefusesKeepsItsTallyForTheNext() {
        VerificationFailures replica = new VerificationFailures(
                mchid -> false,
                new FailureBursts(
                        JdbcClient.create(dataSource), outbox, meters, Clock.systemUTC(), 20, Duration.ofSeconds(60)) {
                    private boolean refused;

                    @Override
                    boolean add(VerificationFailures.Source source, FailureTally tally) {
                        if (!refused) {
                            refused = true;
                            throw new TransientDataAccessResourceException("database away");
                        }
                        return super.add(source, tally);
                    }
                },
                new TransactionTemplate(transactionManager),
                meters,
                Clock.systemUTC(),
                Duration.ofSeconds(1));
        RawCallback callback = new RawCallback("1230000109", CallbackKind.TRANSACTION, Map.of(), "{}", "198.51.100.9");
        replica.failed(callback, "BAD_SIGNATURE");
        replica.failed(callback, "BAD_SIGNATURE");

        assertThatThrownBy(replica::flush).hasMessageContaining("database away");
        replica.failed(callback, "BAD_SIGNATURE");
        replica.flush();

        assertThat(failuresCounted(callback.remoteAddress())).isEqualTo(3);
    }

    /**
     * A timestamp no calendar holds (beyond {@link Instant}'s range either way), one that is not a number, or none,
     * is a verification failure like a stale one: 401, counted towards the burst alert, and no stack trace.
     */
    @ParameterizedTest(name = "Wechatpay-Timestamp \"{0}\"")
    @ValueSource(
            strings = {
                "99999999999999999",
                "-99999999999999999",
                "9223372036854775807",
                "-9223372036854775808",
                "99999999999999999999",
                "1.7e9",
                "now",
                ""
            })
    void anUnusableTimestampIsRefusedWith401AndCountedAsAVerificationFailure(String timestamp) throws Exception {
        double rejected = rejectedMetric("STALE_TIMESTAMP");

        HttpResponse<String> answer = forged(timestamp);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body())
                .contains("\"code\":\"FAIL\"", "\"message\":\"verification failed\"")
                .doesNotContain("Exception");
        assertThat(rejectedMetric("STALE_TIMESTAMP")).isEqualTo(rejected + 1);
        failures.flush();
        assertThat(failuresCounted("127.0.0.1"))
                .as("counted towards CALLBACK_VERIFICATION_BURST")
                .isEqualTo(1);
    }

    /** A payment callback whose timestamp is current, for a merchant this service does not know. */
    private HttpResponse<String> forged() throws Exception {
        return forged(String.valueOf(Instant.now().getEpochSecond()));
    }

    private HttpResponse<String> forged(String timestamp) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/wechatpay/notify/1900000001/transaction"))
                .header("Content-Type", "application/json")
                .header("Wechatpay-Timestamp", timestamp)
                .header("Wechatpay-Nonce", "n" + UUID.randomUUID())
                .header("Wechatpay-Signature", "Zm9yZ2Vk")
                .header("Wechatpay-Serial", "PUB_KEY_ID_0100000000000000000000000000000000")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"forged\"}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long alertsInOutbox() {
        return single(jdbc, Long.class, "select count(*) from outbox_event where ce_type = ?", BURST);
    }

    /** A replica of the failure count on a clock of the test's, with its own tallies and the shared table. */
    private VerificationFailures replica(Clock clock, long threshold) {
        return new VerificationFailures(
                mchid -> false,
                new FailureBursts(
                        JdbcClient.create(dataSource), outbox, meters, clock, threshold, Duration.ofSeconds(60)),
                new TransactionTemplate(transactionManager),
                meters,
                clock,
                Duration.ofSeconds(1));
    }

    /** One failure, flushed at once: the incidents it opened. */
    private static int failOnce(VerificationFailures replica, RawCallback callback, String reason) {
        replica.failed(callback, reason);
        return replica.flush();
    }

    private long alertsFrom(String address) {
        return single(
                jdbc,
                Long.class,
                "select count(*) from outbox_event where ce_type = ? and position(? in convert_from(payload, "
                        + "'UTF8')) > 0",
                BURST,
                address);
    }

    private long failuresCounted(String address) {
        return single(
                jdbc,
                Long.class,
                "select coalesce(sum(failures), 0) from callback_failure_burst where remote_address = ?",
                address);
    }

    private double rejectedMetric(String reason) {
        Counter counter = meters.find("orderflow.notify.callbacks.rejected")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double alertMetric() {
        Counter counter = meters.find(FailureBursts.ALERTS)
                .tag("kind", RiskAlertKind.CALLBACK_VERIFICATION_BURST.name())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
