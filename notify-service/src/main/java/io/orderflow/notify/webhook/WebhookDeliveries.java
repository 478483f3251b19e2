package io.orderflow.notify.webhook;

import io.orderflow.platform.webhook.WebhookSecrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code webhook_delivery} and {@code webhook_attempt} tables: intake, claims, outcomes, redeliveries. */
class WebhookDeliveries {

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A status change to turn into deliveries. */
    record Change(
            String shopId, String orderId, long version, String ceId, String type, Instant occurredAt, String body) {}

    /**
     * One delivery per change and live endpoint of its shop that wants the type and was live when the change
     * occurred (not before its {@code live_since}: the same answer whichever topic was read first); a redelivered
     * event adds none. One statement for a consumer's whole batch; answers how many deliveries it queued.
     */
    int intakeAll(List<Change> changes, Instant now) {
        return jdbc.sql("""
                insert into webhook_delivery (delivery_id, endpoint_id, shop_id, order_id, order_version, ce_id,
                                              event_type, occurred_at, body, status, next_attempt_at, created_at)
                select gen_random_uuid(), e.endpoint_id, e.shop_id, c.order_id, c.version, c.ce_id, c.type, c.occurred,
                       c.body, 'PENDING', :now, :now
                  from unnest(cast(:shops as text[]), cast(:orders as text[]), cast(:versions as bigint[]),
                              cast(:ceIds as text[]), cast(:types as text[]), cast(:occurred as timestamptz[]),
                              cast(:bodies as text[])) as c(shop_id, order_id, version, ce_id, type, occurred, body)
                  join webhook_endpoint e on e.shop_id = c.shop_id
                 where e.enabled and not e.deleted and e.disabled_at is null
                   and e.types && array[c.type, '*'] and e.live_since <= c.occurred
                on conflict (endpoint_id, ce_id) do nothing""")
                .param("shops", changes.stream().map(Change::shopId).toArray(String[]::new))
                .param("orders", changes.stream().map(Change::orderId).toArray(String[]::new))
                .param("versions", changes.stream().map(Change::version).toArray(Long[]::new))
                .param("ceIds", changes.stream().map(Change::ceId).toArray(String[]::new))
                .param("types", changes.stream().map(Change::type).toArray(String[]::new))
                .param(
                        "occurred",
                        changes.stream().map(c -> c.occurredAt().toString()).toArray(String[]::new))
                .param("bodies", changes.stream().map(Change::body).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The one delivery of a change of an order with its own {@code notify_url}: to that URL, under the shop's pseudo
     * endpoint (created on first use), whatever the shop's endpoints; a redelivered event adds none.
     */
    int intakeOwnUrl(Change change, String url, Instant now) {
        String shopId = change.shopId();
        String endpointId = WebhookSecrets.shopEndpointId(shopId);
        jdbc.sql("""
                insert into webhook_endpoint (endpoint_id, shop_id, url, types, enabled, deleted, secret_generation,
                                              version)
                values (:id, :shop, '', '{}', true, false, 1, 0)
                on conflict (endpoint_id) do nothing""").param("id", endpointId).param("shop", shopId).update();
        return jdbc.sql("""
                insert into webhook_delivery (delivery_id, endpoint_id, shop_id, order_id, order_version, ce_id,
                                              event_type, occurred_at, body, status, next_attempt_at, created_at, url)
                values (gen_random_uuid(), :endpoint, :shop, :order, :version, :ceId, :type, :occurred, :body,
                        'PENDING', :now, :now, :url)
                on conflict (endpoint_id, ce_id) do nothing""")
                .param("endpoint", endpointId)
                .param("shop", shopId)
                .param("order", change.orderId())
                .param("version", change.version())
                .param("ceId", change.ceId())
                .param("type", change.type())
                .param("occurred", Timestamp.from(change.occurredAt()))
                .param("body", change.body())
                .param("now", Timestamp.from(now))
                .param("url", url)
                .update();
    }

    /** The claim of {@link #due}: parameters now, busy (text[]), limit. */
    static final String CLAIM = """
            with d as materialized (
                select delivery_id, endpoint_id, order_id, ce_id, event_type, occurred_at, body, url, next_attempt_at,
                       attempt_no + 1 as attempt_no, schedule_step + 1 as schedule_step
                  from webhook_delivery
                 where next_attempt_at <= :now and status = 'PENDING'
                   and not (endpoint_id = any(cast(:busy as text[])))
                   and not (endpoint_id = any(array(select endpoint_id from webhook_endpoint
                                                     where not enabled or deleted or disabled_at is not null)))
                 order by next_attempt_at
                 limit :limit
                   for update skip locked)
            select d.delivery_id, d.endpoint_id, d.order_id, d.ce_id, d.event_type, d.occurred_at, d.body,
                   d.attempt_no, d.schedule_step, coalesce(d.url, e.url) as url, d.url is not null as own_url,
                   e.secret_generation, e.previous_secret_generation, e.previous_secret_valid_until
              from d join webhook_endpoint e on e.endpoint_id = d.endpoint_id
             order by d.next_attempt_at""";

    /**
     * Locks up to {@code limit} due deliveries of live endpoints, skipping rows other replicas hold and endpoints
     * listed as busy, oldest due first. The rows are chosen from the delivery table alone, walking the due index in
     * order (a join to the endpoints in that step let the planner, on stale statistics, sort every due row); the
     * endpoints that are not live are excluded by a list read once per claim, and joined after the lock.
     */
    List<Claimed> due(int limit, String[] busyEndpoints, Instant now) {
        return jdbc.sql(CLAIM)
                .param("now", Timestamp.from(now))
                .param("busy", busyEndpoints)
                .param("limit", limit)
                .query(WebhookDeliveries::claimed)
                .list();
    }

    /** Marks the claimed rows as being attempted: not due again before the lease ends (a dead replica's rows are). */
    void lease(List<UUID> ids, Instant leaseEnd) {
        jdbc.sql("""
                update webhook_delivery set attempt_no = attempt_no + 1, schedule_step = schedule_step + 1,
                       next_attempt_at = :lease
                 where delivery_id = any(:ids)""")
                .param("lease", Timestamp.from(leaseEnd))
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /**
     * Records an attempt's outcome: the attempt row, and the delivery's new status and next attempt. Ignored when
     * the row was claimed again meanwhile (its lease ran out).
     *
     * @param status DELIVERED, PENDING (retry at {@code next}) or FAILED
     * @return true when recorded
     */
    boolean outcome(
            Claimed claimed,
            Instant started,
            Integer statusCode,
            long latencyMs,
            String error,
            String status,
            Instant next,
            Instant now) {
        return jdbc.sql("""
                with attempt as (
                    insert into webhook_attempt (delivery_id, attempt_no, started_at, status_code, latency_ms, error)
                    select delivery_id, attempt_no, :started, :code, :latency, :error
                      from webhook_delivery where delivery_id = :id and attempt_no = :attempt
                    on conflict do nothing)
                update webhook_delivery set status = :status,
                       next_attempt_at = case when :status = 'PENDING' then cast(:next as timestamptz) end,
                       last_status_code = :code,
                       last_latency_ms = :latency, last_error = :error,
                       delivered_at = case when :status = 'DELIVERED' then :now else delivered_at end
                 where delivery_id = :id and attempt_no = :attempt and status = 'PENDING'""")
                        .param("started", Timestamp.from(started))
                        .param("code", statusCode)
                        .param("latency", latencyMs)
                        .param("error", error)
                        .param("id", claimed.deliveryId())
                        .param("attempt", claimed.attemptNo())
                        .param("status", status)
                        .param("next", Timestamp.from(next))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** An attempt the receiver acknowledged (2xx), as {@link #delivered} records it. */
    record Acknowledged(UUID deliveryId, int attemptNo, Instant started, int statusCode, long latencyMs) {}

    /** The statement of {@link #delivered}: parameters ids, attempts, started, codes, latencies, now. */
    static final String DELIVERED = """
            with done as (
                select * from unnest(cast(:ids as uuid[]), cast(:attempts as int[]),
                                     cast(:started as timestamptz[]), cast(:codes as int[]),
                                     cast(:latencies as bigint[])) as t(id, attempt_no, started_at, code, latency)),
            attempt as (
                insert into webhook_attempt (delivery_id, attempt_no, started_at, status_code, latency_ms, error)
                select d.delivery_id, d.attempt_no, done.started_at, done.code, done.latency, null
                  from webhook_delivery d join done on d.delivery_id = done.id and d.attempt_no = done.attempt_no
                 where d.delivery_id = any(cast(:ids as uuid[]))
                on conflict do nothing)
            update webhook_delivery d set status = 'DELIVERED', next_attempt_at = null, last_status_code = done.code,
                   last_latency_ms = done.latency, last_error = null, delivered_at = :now
              from done
             where d.delivery_id = any(cast(:ids as uuid[])) and d.delivery_id = done.id
               and d.attempt_no = done.attempt_no and d.status = 'PENDING'
            returning d.delivery_id""";

    /**
     * Records many acknowledged attempts in one statement (the dispatcher's group commit): each attempt's row and its
     * delivery DELIVERED, guarded like {@link #outcome} by the attempt number and PENDING. Answers the deliveries it
     * changed; one whose lease ran out and was claimed again is left to that attempt. The ids are also given as
     * {@code any(:ids)}: the planner, which cannot size the unnest, then reads the rows by their key.
     */
    List<UUID> delivered(List<Acknowledged> acknowledged, Instant now) {
        return jdbc.sql(DELIVERED)
                .param(
                        "ids",
                        acknowledged.stream().map(Acknowledged::deliveryId).toArray(UUID[]::new))
                .param(
                        "attempts",
                        acknowledged.stream().map(Acknowledged::attemptNo).toArray(Integer[]::new))
                .param(
                        "started",
                        acknowledged.stream().map(a -> a.started().toString()).toArray(String[]::new))
                .param(
                        "codes",
                        acknowledged.stream().map(Acknowledged::statusCode).toArray(Integer[]::new))
                .param(
                        "latencies",
                        acknowledged.stream().map(Acknowledged::latencyMs).toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** Fails every pending delivery of a disabled endpoint; answers how many. */
    int failPending(String endpointId, String reason) {
        return jdbc.sql("""
                update webhook_delivery set status = 'FAILED', next_attempt_at = null, last_error = :reason
                 where endpoint_id = :id and status = 'PENDING'""").param("id", endpointId).param("reason", reason).update();
    }

    /** Cancels the pending deliveries of a deleted endpoint. */
    int cancelPending(String endpointId) {
        return jdbc.sql("""
                update webhook_delivery set status = 'CANCELLED', next_attempt_at = null
                 where endpoint_id = :id and status = 'PENDING'""").param("id", endpointId).update();
    }

    /** Schedules one delivery again, now, with a fresh retry schedule; false when there is no such delivery. */
    boolean redeliver(UUID deliveryId, Instant now) {
        return jdbc.sql("""
                update webhook_delivery set status = 'PENDING', schedule_step = 0, next_attempt_at = :now
                 where delivery_id = :id and status <> 'PENDING'""")
                                .param("id", deliveryId)
                                .param("now", Timestamp.from(now))
                                .update()
                        == 1
                || jdbc.sql("select count(*) from webhook_delivery where delivery_id = :id")
                                .param("id", deliveryId)
                                .query(Integer.class)
                                .single()
                        == 1;
    }

    /** Schedules again every failed delivery of the endpoint created at or after {@code since}; answers how many. */
    int redeliverFailed(String endpointId, Instant since, Instant now) {
        return jdbc.sql("""
                update webhook_delivery set status = 'PENDING', schedule_step = 0, next_attempt_at = :now
                 where endpoint_id = :id and status = 'FAILED' and created_at >= :since""")
                .param("id", endpointId)
                .param("since", Timestamp.from(since))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Deliveries, newest first, by order or by endpoint, each with its attempts. */
    /** The log by {@code column} (order_id or endpoint_id); only that shop's deliveries when {@code shopId} is given. */
    List<Map<String, Object>> log(String column, String value, String shopId, int limit) {
        List<Map<String, Object>> deliveries = jdbc.sql("""
                select delivery_id, endpoint_id, url, order_id, order_version, ce_id, event_type, status, attempt_no,
                       next_attempt_at, last_status_code, last_latency_ms, last_error, created_at, delivered_at
                  from webhook_delivery where %s = :value and (cast(:shop as text) is null or shop_id = :shop)
                 order by created_at desc, order_version desc limit :limit""".formatted(column))
                .param("value", value)
                .param("shop", shopId)
                .param("limit", limit)
                .query((rs, row) -> {
                    Map<String, Object> view = new java.util.LinkedHashMap<>();
                    view.put("delivery_id", rs.getString("delivery_id"));
                    view.put("endpoint_id", rs.getString("endpoint_id"));
                    if (rs.getString("url") != null) {
                        view.put("notify_url", rs.getString("url"));
                    }
                    view.put("order_id", rs.getString("order_id"));
                    view.put("version", rs.getLong("order_version"));
                    view.put("ce_id", rs.getString("ce_id"));
                    view.put("type", rs.getString("event_type"));
                    view.put("status", rs.getString("status"));
                    view.put("attempts", rs.getInt("attempt_no"));
                    view.put(
                            "next_attempt_at",
                            "PENDING".equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null);
                    view.put("last_status_code", (Integer) rs.getObject("last_status_code"));
                    view.put("last_latency_ms", (Integer) rs.getObject("last_latency_ms"));
                    view.put("last_error", rs.getString("last_error"));
                    view.put("created_at", instant(rs, "created_at"));
                    view.put("delivered_at", instant(rs, "delivered_at"));
                    return view;
                })
                .list();
        for (Map<String, Object> delivery : deliveries) {
            delivery.put(
                    "attempt_log",
                    jdbc.sql("""
                    select attempt_no, started_at, status_code, latency_ms, error from webhook_attempt
                     where delivery_id = cast(:id as uuid) order by attempt_no""")
                            .param("id", delivery.get("delivery_id"))
                            .query((rs, row) -> {
                                Map<String, Object> attempt = new java.util.LinkedHashMap<>();
                                attempt.put("attempt", rs.getInt("attempt_no"));
                                attempt.put("started_at", instant(rs, "started_at"));
                                attempt.put("status_code", (Integer) rs.getObject("status_code"));
                                attempt.put("latency_ms", rs.getInt("latency_ms"));
                                attempt.put("error", rs.getString("error"));
                                return attempt;
                            })
                            .list());
        }
        return deliveries;
    }

    /** Pending deliveries per endpoint (the backlog gauge). */
    Map<String, Long> backlog() {
        Map<String, Long> backlog = new java.util.HashMap<>();
        jdbc.sql(
                        "select endpoint_id, count(*) from webhook_delivery where next_attempt_at is not null group by endpoint_id")
                .query(rs -> {
                    backlog.put(rs.getString(1), rs.getLong(2));
                });
        return backlog;
    }

    /** The earliest due time of a pending delivery (an idle dispatcher sleeps until then). */
    static final String EARLIEST_DUE =
            "select min(next_attempt_at) from webhook_delivery where next_attempt_at is not null";

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        int previous = rs.getInt("previous_secret_generation");
        Integer previousGeneration = rs.wasNull() ? null : previous;
        return new Claimed(
                rs.getObject("delivery_id", UUID.class),
                rs.getString("endpoint_id"),
                rs.getString("order_id"),
                rs.getString("ce_id"),
                rs.getString("event_type"),
                instant(rs, "occurred_at"),
                rs.getString("body"),
                rs.getInt("attempt_no"),
                rs.getInt("schedule_step"),
                rs.getString("url"),
                rs.getInt("secret_generation"),
                previousGeneration,
                instant(rs, "previous_secret_valid_until"),
                rs.getBoolean("own_url"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
