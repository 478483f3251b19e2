package io.orderflow.order.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoint} table; deleted endpoints are kept and never listed. */
@Repository
class WebhookEndpoints {

    private static final String COLUMNS = """
            endpoint_id, shop_id, url, types, enabled, secret_generation, previous_secret_generation,
            previous_secret_valid_until, version, created_at, updated_at, deleted_at\s""";

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookEndpoint endpoint) {
        jdbc.sql("insert into webhook_endpoint (" + COLUMNS + """
                ) values (:id, :shop, :url, cast(:types as text[]), :enabled, :generation, null, null, :version,
                          :created, :updated, null)""")
                .param("id", endpoint.endpointId())
                .param("shop", endpoint.shopId())
                .param("url", endpoint.url())
                .param("types", endpoint.types().toArray(String[]::new))
                .param("enabled", endpoint.enabled())
                .param("generation", endpoint.secretGeneration())
                .param("version", endpoint.version())
                .param("created", Timestamp.from(endpoint.createdAt()))
                .param("updated", Timestamp.from(endpoint.updatedAt()))
                .update();
    }

    /** Writes a changed endpoint over the version it was read at; false when another change came first. */
    boolean update(WebhookEndpoint endpoint) {
        return jdbc.sql("""
                update webhook_endpoint set url = :url, types = cast(:types as text[]), enabled = :enabled,
                       secret_generation = :generation, previous_secret_generation = :previous,
                       previous_secret_valid_until = :previousUntil, version = :version, updated_at = :updated,
                       deleted_at = :deleted
                 where endpoint_id = :id and version = :version - 1""")
                        .param("id", endpoint.endpointId())
                        .param("url", endpoint.url())
                        .param("types", endpoint.types().toArray(String[]::new))
                        .param("enabled", endpoint.enabled())
                        .param("generation", endpoint.secretGeneration())
                        .param("previous", endpoint.previousSecretGeneration())
                        .param("previousUntil", timestamp(endpoint.previousSecretValidUntil()))
                        .param("version", endpoint.version())
                        .param("updated", Timestamp.from(endpoint.updatedAt()))
                        .param("deleted", timestamp(endpoint.deletedAt()))
                        .update()
                == 1;
    }

    /** The shop's endpoint, locked for the change that follows; empty when it is not the shop's or deleted. */
    Optional<WebhookEndpoint> lock(String shopId, String endpointId) {
        return jdbc.sql("select " + COLUMNS + """
                 from webhook_endpoint where endpoint_id = :id and shop_id = :shop and deleted_at is null
                 for update""")
                .param("id", endpointId)
                .param("shop", shopId)
                .query(WebhookEndpoints::map)
                .optional();
    }

    Optional<WebhookEndpoint> find(String shopId, String endpointId) {
        return jdbc.sql("select " + COLUMNS
                        + " from webhook_endpoint where endpoint_id = :id and shop_id = :shop and deleted_at is null")
                .param("id", endpointId)
                .param("shop", shopId)
                .query(WebhookEndpoints::map)
                .optional();
    }

    List<WebhookEndpoint> ofShop(String shopId) {
        return jdbc.sql("select " + COLUMNS + """
                 from webhook_endpoint where shop_id = :shop and deleted_at is null order by created_at, endpoint_id""")
                .param("shop", shopId)
                .query(WebhookEndpoints::map)
                .list();
    }

    int countOfShop(String shopId) {
        return jdbc.sql("select count(*) from webhook_endpoint where shop_id = :shop and deleted_at is null")
                .param("shop", shopId)
                .query(Integer.class)
                .single();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("types");
        int previous = rs.getInt("previous_secret_generation");
        Integer previousGeneration = rs.wasNull() ? null : previous;
        return new WebhookEndpoint(
                rs.getString("endpoint_id"),
                rs.getString("shop_id"),
                rs.getString("url"),
                Arrays.asList((String[]) types.getArray()),
                rs.getBoolean("enabled"),
                rs.getInt("secret_generation"),
                previousGeneration,
                instant(rs, "previous_secret_valid_until"),
                rs.getLong("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "deleted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
