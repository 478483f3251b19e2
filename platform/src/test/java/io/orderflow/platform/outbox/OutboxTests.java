package io.orderflow.platform.outbox;

import static io.orderflow.platform.TestEvents.newOrderId;
import static io.orderflow.platform.TestEvents.orderCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.events.EventTypes;
import io.orderflow.events.TimeoutExpired;
import io.orderflow.platform.OutboxSpringTestBase;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TopicProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
class OutboxTests extends OutboxSpringTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxStore store;

    @Autowired
    OutboxHousekeeping housekeeping;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaTemplate<byte[], byte[]> outboxKafkaTemplate;

    private TopicProbe orderEvents;

    @BeforeEach
    void openProbe() {
        orderEvents = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_EVENTS_TOPIC);
    }

    @AfterEach
    void closeProbe() {
        orderEvents.close();
        relay.start();
    }

    @Test
    void committedTransactionPublishesOnceWithCloudEventsHeadersAndOrderIdKey() {
        String orderId = newOrderId();
        String ceId = append(orderCreated(orderId, "one"));

        TopicProbe.Received record = orderEvents.awaitKey(orderId, 1, WAIT).get(0);
        assertThat(record.header("ce_id")).isEqualTo(ceId);
        assertThat(record.header("ce_type")).isEqualTo("orderflow.order.OrderCreated.v1");
        assertThat(record.header("ce_source")).isEqualTo("/orderflow/order-service");
        assertThat(record.header("ce_subject")).isEqualTo(orderId);
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(Instant.parse(record.header("ce_time")))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(new String(record.value())).contains("\"order_id\":\"" + orderId + "\"");
        await().atMost(WAIT).until(() -> received(ceId) == 1);
        // a later event of the same key proves nothing else of this key is on its way
        append(orderCreated(orderId, "marker"));
        assertThat(orderEvents.awaitKey(orderId, 2, WAIT))
                .extracting(r -> r.header("ce_id"))
                .doesNotHaveDuplicates();
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String orderId = newOrderId();
        transactions.executeWithoutResult(status -> {
            outbox.append(orderCreated(orderId, "rolled back"));
            status.setRollbackOnly();
        });
        String marker = append(orderCreated(orderId, "committed"));

        List<TopicProbe.Received> records = orderEvents.awaitKey(orderId, 1, WAIT);
        await().atMost(WAIT).until(() -> received(marker) == 1);
        assertThat(records)
                .singleElement()
                .satisfies(r -> assertThat(r.header("ce_id")).isEqualTo(marker));
        assertThat(jdbc.sql("select count(*) from outbox_event where ce_subject = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void appendingOutsideATransactionFails() {
        assertThatThrownBy(() -> outbox.append(orderCreated(newOrderId(), "no transaction")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("caller's transaction");
    }

    @Test
    void appendingAnEventOfAnotherServiceFails() {
        TimeoutExpired foreign = new TimeoutExpired(
                newOrderId(), "1230000109", Instant.now(), Instant.now(), io.orderflow.events.CloseReason.EXPIRED);
        assertThatThrownBy(() -> append(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order does not publish TimeoutExpired");
    }

    @Test
    void relayKilledBetweenSendAndMarkResendsAndTheConsumerAppliesOnce() {
        relay.stop();
        String orderId = newOrderId();
        String ceId = append(orderCreated(orderId, "resent"));
        int lane = OutboxStore.keySlice(orderId) % 2;
        OutboxPublisher publisher = new OutboxPublisher(outboxKafkaTemplate, Duration.ofSeconds(10));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    List<PendingEvent> batch =
                            store.lockLaneAndReadPending(lane, 2, 1000).orElseThrow();
                    assertThat(publisher.publish(batch)).isNotEmpty();
                    throw new IllegalStateException("relay process dies before marking");
                }))
                .hasMessageContaining("dies");
        assertThat(orderEvents.awaitKey(orderId, 1, WAIT)).hasSize(1);
        assertThat(unpublished(ceId)).isTrue();

        relay.start();
        assertThat(orderEvents.awaitKey(orderId, 2, WAIT))
                .extracting(r -> r.header("ce_id"))
                .containsOnly(ceId);
        await().atMost(WAIT).until(() -> !unpublished(ceId));
        await().atMost(WAIT).until(() -> attempts(ceId) >= 2);
        assertThat(received(ceId)).isEqualTo(1);
    }

    @Test
    void onlyOneRelayAtATimeHoldsALane() throws Exception {
        // the background relay may hold lane 1 for a moment: stop it, then wait until the lock is ours
        relay.stop();
        try (Connection other = dataSource.getConnection();
                Statement statement = other.createStatement()) {
            holdLane(other, statement, 1);
            assertThat(relay.relayOnce(1)).isEqualTo(-1);
            other.commit();
        }
        assertThat(relay.relayOnce(1)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aLaneIsLockedAndReadInOneStatementThatReadsNothingWhileAnotherTransactionHoldsIt() throws Exception {
        relay.stop();
        String orderId = newOrderId();
        String first = append(orderCreated(orderId, "first"));
        String second = append(orderCreated(orderId, "second"));
        int lane = OutboxStore.keySlice(orderId) % 2;
        try (Connection other = dataSource.getConnection();
                Statement statement = other.createStatement()) {
            holdLane(other, statement, lane);
            Optional<List<PendingEvent>> refused =
                    transactions.execute(status -> store.lockLaneAndReadPending(lane, 2, 1000));
            assertThat(refused).isEmpty();
            other.commit();
        }
        List<PendingEvent> read = transactions.execute(
                status -> store.lockLaneAndReadPending(lane, 2, 1000).orElseThrow());
        assertThat(read)
                .extracting(e -> e.attributes().id())
                .containsSubsequence(first, second)
                .doesNotHaveDuplicates();
        assertThat(read).extracting(PendingEvent::sequenceNo).isSorted();
        assertThat(read)
                .allSatisfy(e -> assertThat(OutboxStore.keySlice(e.key()) % 2).isEqualTo(lane));
        // a lane with nothing pending is held and empty, not refused (with the relay stopped only this test's
        // events are pending, all in the order's key slice)
        int emptySlice = (OutboxStore.keySlice(orderId) + 1) % 1024;
        Optional<List<PendingEvent>> empty =
                transactions.execute(status -> store.lockLaneAndReadPending(emptySlice, 1024, 1000));
        assertThat(empty).hasValueSatisfying(events -> assertThat(events).isEmpty());
    }

    @Test
    void backlogMetricsReportPendingEventsAndTheAgeOfTheOldest() {
        relay.stop();
        String orderId = newOrderId();
        for (int i = 0; i < 3; i++) {
            append(orderCreated(orderId, "waiting"));
        }
        await().atMost(WAIT).untilAsserted(() -> {
            housekeeping.runOnce();
            assertThat(meters.get("orderflow.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(3);
            assertThat(meters.get("orderflow.outbox.oldest.age").gauge().value())
                    .isPositive();
        });

        relay.start();
        await().atMost(WAIT).untilAsserted(() -> {
            housekeeping.runOnce();
            assertThat(meters.get("orderflow.outbox.pending").gauge().value()).isZero();
            assertThat(meters.get("orderflow.outbox.oldest.age").gauge().value())
                    .isZero();
        });
        assertThat(meters.get("orderflow.outbox.published").counter().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void housekeepingPurgesPublishedRowsAndProcessedRecordsPastRetentionOnly() {
        String old = newOrderId();
        String recent = newOrderId();
        append(orderCreated(old, "old"));
        append(orderCreated(recent, "recent"));
        await().atMost(WAIT).until(() -> publishedCount(old) == 1 && publishedCount(recent) == 1);
        jdbc.sql("update outbox_event set published_at = now() - interval '8 days' where ce_subject = ?")
                .param(old)
                .update();

        jdbc.sql(
                        "insert into processed_message (consumer, ce_id, ce_type, processed_at) values ('c', ?, 't', now() - interval '15 days')")
                .param(old)
                .update();
        jdbc.sql("insert into processed_message (consumer, ce_id, ce_type) values ('c', ?, 't')")
                .param(recent)
                .update();

        housekeeping.runOnce();

        assertThat(rows(old)).isZero();
        assertThat(rows(recent)).isEqualTo(1);
        assertThat(jdbc.sql("select ce_id from processed_message where consumer = 'c' and ce_id in (?, ?)")
                        .params(old, recent)
                        .query(String.class)
                        .list())
                .containsExactly(recent);
    }

    @Test
    void theRelaysTransactionAloneCommitsWithoutWaitingForTheDisk() {
        String relaying = transactions.execute(status -> {
            store.lockLaneAndReadPending(7, 1024, 1);
            return jdbc.sql("select current_setting('synchronous_commit')")
                    .query(String.class)
                    .single();
        });
        String next = transactions.execute(status -> jdbc.sql("select current_setting('synchronous_commit')")
                .query(String.class)
                .single());

        assertThat(relaying).isEqualTo("off");
        assertThat(next).isEqualTo("on");
    }

    @Test
    void aLaneWokenByACommitLingersSoThatTheNextCommitsJoinItsBatch() {
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from outbox_event where published_at is null")
                                .query(Long.class)
                                .single()
                        == 0);
        relay.stop();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxRelay lingering = new OutboxRelay(
                store,
                new OutboxPublisher(outboxKafkaTemplate, Duration.ofSeconds(10)),
                transactions,
                new OutboxProperties(
                        true, 1, 500, Duration.ofMinutes(1), Duration.ofSeconds(1), null, null, null, null),
                new OutboxMetrics(registry, java.time.Clock.systemUTC()));
        lingering.start();
        try {
            // its first look, at start, is over: from now on it only looks when woken (or after a minute)
            await().atMost(WAIT).until(() -> lingering.passes() >= 1);
            String orderId = newOrderId();
            String first = append(orderCreated(orderId, "first"));
            lingering.wakeUp();
            // woken, the lane waits out its linger before it reads: the first event stays in the outbox meanwhile
            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofMillis(800))
                    .until(() -> unpublished(first));
            String second = append(orderCreated(orderId, "second"));

            await().atMost(WAIT).until(() -> !unpublished(first) && !unpublished(second));
            assertThat(registry.get("orderflow.outbox.batch").timer().count()).isEqualTo(1);
            assertThat(registry.get("orderflow.outbox.published").counter().count())
                    .isEqualTo(2);
            assertThat(orderEvents.awaitKey(orderId, 2, WAIT))
                    .extracting(r -> r.header("ce_id"))
                    .containsExactly(first, second);
        } finally {
            lingering.stop();
        }
    }

    @Test
    void lingerIsBoundedToOneSecond() {
        assertThatThrownBy(
                        () -> new OutboxProperties(true, 1, 500, null, Duration.ofSeconds(2), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderflow.outbox.linger must be between 0 and 1 s");
    }

    @Test
    void keySlicesAreStableAndSpreadOverTheRange() {
        assertThat(OutboxStore.keySlice("T1")).isEqualTo(OutboxStore.keySlice("T1"));
        long distinct = java.util.stream.IntStream.range(0, 2000)
                .map(i -> OutboxStore.keySlice("order-" + i))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(700);
    }

    /** Takes the lane's advisory lock in {@code other}'s transaction, once the background relay has let go of it. */
    private static void holdLane(Connection other, Statement statement, int lane) throws Exception {
        other.setAutoCommit(false);
        await().atMost(WAIT).until(() -> {
            try (ResultSet locked = statement.executeQuery(
                    "select pg_try_advisory_xact_lock(" + OutboxStore.LOCK_CLASS + ", " + lane + ")")) {
                return locked.next() && locked.getBoolean(1);
            }
        });
    }

    private long publishedCount(String subject) {
        return single(
                "select count(*) from outbox_event where ce_subject = ? and published_at is not null",
                subject,
                Long.class);
    }

    private long rows(String subject) {
        return single("select count(*) from outbox_event where ce_subject = ?", subject, Long.class);
    }
}
