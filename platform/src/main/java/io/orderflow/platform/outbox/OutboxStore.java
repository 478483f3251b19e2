package io.orderflow.platform.outbox;

import io.orderflow.platform.messaging.CloudEventEnvelope;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL of the outbox table; see {@code V0_1__platform_outbox.sql}. */
class OutboxStore {

    /** First half of the two-int advisory lock key of relay lanes ("outb"). */
    static final int LOCK_CLASS = 0x6f757462;

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            CloudEventEnvelope.Attributes attributes, String topic, String key, byte[] payload, String traceParent) {
        jdbc.sql("""
                insert into outbox_event (ce_id, ce_type, ce_source, ce_subject, ce_time, topic, message_key, key_slice,
                                          payload, trace_parent)
                values (:id, :type, :source, :subject, :time, :topic, :key, :slice, :payload, :traceParent)""")
                .param("id", UUID.fromString(attributes.id()))
                .param("type", attributes.type())
                .param("source", attributes.source())
                .param("subject", attributes.subject())
                .param("time", Timestamp.from(attributes.time()))
                .param("topic", topic)
                .param("key", key)
                .param("slice", keySlice(key))
                .param("payload", payload)
                .param("traceParent", traceParent)
                .update();
    }

    /** Stable across JVMs and languages: the same key always falls in the same slice. */
    static int keySlice(String key) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 1024);
    }

    /**
     * Takes the lane's advisory lock for this transaction and, when it got it, reads the lane's oldest pending events:
     * one statement, one round trip, where a lock then a read took two. Empty when another transaction holds the
     * lane. In the same statement the transaction is told to commit without waiting for its WAL flush
     * (synchronous_commit off, for it only): it only marks events published, and a mark lost in a crash re-sends
     * events that consumers drop by ce_id. The read is a lateral join on the lock's answer, so it runs only after
     * the lock was taken, and reads nothing when it was not.
     */
    Optional<List<PendingEvent>> lockLaneAndReadPending(int lane, int lanes, int limit) {
        return jdbc.sql("""
                select lane_lock.held, e.sequence_no, e.ce_id, e.ce_type, e.ce_source, e.ce_subject, e.ce_time, e.topic,
                       e.message_key, e.payload, e.trace_parent
                from (select pg_try_advisory_xact_lock(:class, :lane) as held
                      from (select set_config('synchronous_commit', 'off', true)) as relaxed) as lane_lock
                left join lateral (
                    select sequence_no, ce_id, ce_type, ce_source, ce_subject, ce_time, topic, message_key, payload,
                           trace_parent
                    from outbox_event
                    where lane_lock.held and published_at is null and key_slice % :lanes = :lane
                    order by sequence_no
                    limit :limit) as e on true
                order by e.sequence_no""")
                .param("class", LOCK_CLASS)
                .param("lane", lane)
                .param("lanes", lanes)
                .param("limit", limit)
                .query(rs -> {
                    // one row when the lane is held elsewhere (held false) or has nothing pending (no event)
                    boolean held = false;
                    List<PendingEvent> events = new ArrayList<>();
                    while (rs.next()) {
                        held = rs.getBoolean("held");
                        if (held && rs.getObject("sequence_no") != null) {
                            events.add(new PendingEvent(
                                    rs.getLong("sequence_no"),
                                    new CloudEventEnvelope.Attributes(
                                            rs.getString("ce_id"),
                                            rs.getString("ce_type"),
                                            rs.getString("ce_source"),
                                            rs.getString("ce_subject"),
                                            rs.getTimestamp("ce_time").toInstant()),
                                    rs.getString("topic"),
                                    rs.getString("message_key"),
                                    rs.getBytes("payload"),
                                    rs.getString("trace_parent")));
                        }
                    }
                    return held ? Optional.of(events) : Optional.<List<PendingEvent>>empty();
                });
    }

    void markPublished(List<Long> sequenceNumbers) {
        if (sequenceNumbers.isEmpty()) {
            return;
        }
        jdbc.sql("update outbox_event set published_at = clock_timestamp() where sequence_no = any(:ids)")
                .param("ids", sequenceNumbers.toArray(Long[]::new))
                .update();
    }

    /** Pending count and the creation time of the oldest pending row (null when none). */
    record Backlog(long pending, Instant oldestCreatedAt) {}

    Backlog backlog() {
        return jdbc.sql(
                        "select count(*) as pending, min(created_at) as oldest from outbox_event where published_at is null")
                .query((rs, row) -> new Backlog(
                        rs.getLong("pending"),
                        rs.getTimestamp("oldest") == null
                                ? null
                                : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    int purgePublished(Duration olderThan, int limit) {
        return purge("outbox_event", "sequence_no", "published_at", olderThan, limit);
    }

    int purgeProcessed(Duration olderThan, int limit) {
        return purge("processed_message", "ctid", "processed_at", olderThan, limit);
    }

    /**
     * Deletes up to {@code limit} rows of {@code table} (found by {@code key}) whose {@code time} is older than
     * {@code olderThan}; answers how many it deleted. The names are the code's constants, never input.
     */
    private int purge(String table, String key, String time, Duration olderThan, int limit) {
        return jdbc.sql("""
                delete from %1$s where %2$s in (
                    select %2$s from %1$s
                    where %3$s < :cutoff
                    limit :limit)""".formatted(table, key, time))
                .param("cutoff", cutoff(olderThan))
                .param("limit", limit)
                .update();
    }

    /**
     * The purge's cutoff as a parameter, not {@code clock_timestamp() - …} in SQL: a volatile function in the
     * condition keeps PostgreSQL from the index on the time column, and the purge would read the whole table
     * (weeks of rows) every few seconds.
     */
    private static Timestamp cutoff(Duration olderThan) {
        return Timestamp.from(java.time.Instant.now().minus(olderThan));
    }
}
