package io.orderflow.notify.webhook;

import io.orderflow.events.WebhookEndpointChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * notify-service's copy of the shops' webhook endpoints ({@code webhook_endpoint}), and the failure state only it
 * knows: since when every attempt failed, and whether it disabled the endpoint for that.
 */
class WebhookEndpoints {

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies a change when it is newer than the copy. A newer change that leaves the endpoint enabled lifts a
     * disablement for failures (the shop changed or re-enabled it: worth trying again). A change that makes the
     * endpoint live (created enabled, switched on, disablement lifted) sets {@code live_since} to the instant it
     * occurred: status changes that occurred before it are not delivered to the endpoint, whether they are read
     * before or after this change.
     *
     * @return true when applied
     */
    boolean apply(WebhookEndpointChanged change) {
        return jdbc.sql("""
                insert into webhook_endpoint (endpoint_id, shop_id, url, types, enabled, deleted, secret_generation,
                                              previous_secret_generation, previous_secret_valid_until, version, live_since)
                values (:id, :shop, :url, cast(:types as text[]), :enabled, :deleted, :generation, :previous,
                        :previousUntil, :version, :occurred)
                on conflict (endpoint_id) do update set
                       url = excluded.url, types = excluded.types, enabled = excluded.enabled,
                       deleted = excluded.deleted, secret_generation = excluded.secret_generation,
                       previous_secret_generation = excluded.previous_secret_generation,
                       previous_secret_valid_until = excluded.previous_secret_valid_until,
                       version = excluded.version,
                       live_since = case when excluded.enabled and not excluded.deleted
                                          and (not webhook_endpoint.enabled or webhook_endpoint.deleted
                                               or webhook_endpoint.disabled_at is not null)
                                         then excluded.live_since else webhook_endpoint.live_since end,
                       failing_since = case when excluded.enabled then null else webhook_endpoint.failing_since end,
                       disabled_at = case when excluded.enabled then null else webhook_endpoint.disabled_at end,
                       disabled_reason = case when excluded.enabled then null else webhook_endpoint.disabled_reason end
                 where webhook_endpoint.version < excluded.version""")
                        .param("id", change.endpointId())
                        .param("shop", change.shopId())
                        .param("url", change.url())
                        .param("types", change.types().toArray(String[]::new))
                        .param("enabled", change.enabled())
                        .param("deleted", change.deleted())
                        .param("generation", change.secretGeneration())
                        .param("previous", change.previousSecretGeneration())
                        .param("previousUntil", timestamp(change.previousSecretValidUntil()))
                        .param("version", change.version())
                        .param("occurred", Timestamp.from(change.occurredAt()))
                        .update()
                == 1;
    }

    /** Notes a failed attempt: the endpoint fails since now unless it already did. */
    void failed(String endpointId, Instant now) {
        jdbc.sql("update webhook_endpoint set failing_since = :now where endpoint_id = :id and failing_since is null")
                .param("now", Timestamp.from(now))
                .param("id", endpointId)
                .update();
    }

    /** Notes a success; writes only when the endpoint was failing, so a busy endpoint's row is not a hot spot. */
    /** Ends the failing streak of every endpoint named (one statement for a batch of outcomes). */
    void succeeded(java.util.Collection<String> endpointIds) {
        jdbc.sql(
                        "update webhook_endpoint set failing_since = null where endpoint_id = any(:ids) and failing_since is not null")
                .param("ids", endpointIds.toArray(String[]::new))
                .update();
    }

    /** Disables the endpoint when it has failed since before {@code cutoff}; true when this call disabled it. */
    boolean disableIfFailingSince(String endpointId, Instant cutoff, Instant now, String reason) {
        return jdbc.sql("""
                update webhook_endpoint set disabled_at = :now, disabled_reason = :reason
                 where endpoint_id = :id and disabled_at is null and failing_since <= :cutoff""")
                        .param("now", Timestamp.from(now))
                        .param("reason", reason)
                        .param("id", endpointId)
                        .param("cutoff", Timestamp.from(cutoff))
                        .update()
                == 1;
    }

    /** What the operator API shows of an endpoint. */
    Optional<java.util.Map<String, Object>> view(String endpointId) {
        return jdbc.sql("""
                select endpoint_id, shop_id, url, types, enabled, deleted, secret_generation, version, failing_since,
                       disabled_at, disabled_reason,
                       (select count(*) from webhook_delivery d where d.endpoint_id = e.endpoint_id
                          and d.status = 'PENDING') as pending,
                       (select count(*) from webhook_delivery d where d.endpoint_id = e.endpoint_id
                          and d.status = 'FAILED') as failed
                  from webhook_endpoint e where endpoint_id = :id""")
                .param("id", endpointId)
                .query((rs, row) -> {
                    java.util.Map<String, Object> view = new java.util.LinkedHashMap<>();
                    view.put("endpoint_id", rs.getString("endpoint_id"));
                    view.put("shop_id", rs.getString("shop_id"));
                    view.put("url", rs.getString("url"));
                    view.put("types", java.util.List.of((String[])
                            rs.getArray("types").getArray()));
                    view.put("enabled", rs.getBoolean("enabled"));
                    view.put("deleted", rs.getBoolean("deleted"));
                    view.put("secret_generation", rs.getInt("secret_generation"));
                    view.put("version", rs.getLong("version"));
                    view.put("failing_since", instant(rs.getTimestamp("failing_since")));
                    view.put("disabled_at", instant(rs.getTimestamp("disabled_at")));
                    view.put("disabled_reason", rs.getString("disabled_reason"));
                    view.put("pending_deliveries", rs.getLong("pending"));
                    view.put("failed_deliveries", rs.getLong("failed"));
                    return view;
                })
                .optional();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
