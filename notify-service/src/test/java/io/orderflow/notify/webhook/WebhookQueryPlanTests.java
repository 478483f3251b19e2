package io.orderflow.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.test.TestPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The dispatcher's two hot statements keep their plans on statistics a burst has made stale: the table analysed with
 * 10,000 delivered and 64 leased deliveries, then 30,000 more due at once (a backlog after an outage, before autovacuum's next analyze). The
 * claim walks the due index in order and stops at its limit; the outcome reads its rows by key. Before migration V6
 * the claim sorted every due row (on disk) and the outcome scanned every pending row's index entry: 100x slower.
 */
class WebhookQueryPlanTests {

    private static JdbcClient jdbc;

    @BeforeAll
    static void staleStatistics() {
        TestPostgres.Database database = TestPostgres.database("notify_webhook_plans");
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("alter table webhook_delivery set (autovacuum_enabled = false)")
                .update();
        jdbc.sql("alter table webhook_endpoint set (autovacuum_enabled = false)")
                .update();
        jdbc.sql("analyze webhook_endpoint").update(); // before the shops came
        for (int i = 0; i < 8; i++) {
            jdbc.sql("""
                    insert into webhook_endpoint (endpoint_id, shop_id, url, types, enabled, deleted, secret_generation,
                                                  version)
                    values (:id, :shop, 'https://shop.example/hooks', '{*}', true, false, 1, 1)""")
                    .param("id", "we_plan_" + i)
                    .param("shop", "shop_plan_" + i)
                    .update();
        }
        Instant now = Instant.now();
        insert(10_000, "DELIVERED", null);
        insert(64, "PENDING", now.plusSeconds(40));
        jdbc.sql("analyze webhook_delivery").update();
        insert(30_000, "PENDING", now);
    }

    @Test
    void theClaimWalksTheDueIndexInOrderAndStopsAtItsLimit() {
        String plan = plan("explain "
                + WebhookDeliveries.CLAIM
                        .replace(":now", "now()")
                        .replace(":busy", "'{we_plan_1,we_plan_2}'")
                        .replace(":limit", "64"));

        assertThat(plan)
                .as(plan)
                .contains("Index Scan using webhook_delivery_due on webhook_delivery")
                .doesNotContain("Bitmap")
                .doesNotContain("Seq Scan on webhook_delivery");
    }

    @Test
    void theOutcomeReadsItsDeliveriesByKey() {
        List<UUID> ids = jdbc.sql("select delivery_id from webhook_delivery limit 8")
                .query(UUID.class)
                .list();
        String array =
                ids.stream().map(UUID::toString).reduce((a, b) -> a + "," + b).orElseThrow();
        String plan = plan("explain "
                + WebhookDeliveries.DELIVERED
                        .replace(":ids", "'{" + array + "}'")
                        .replace(":attempts", "'{1,1,1,1,1,1,1,1}'")
                        .replace(":started", "array_fill(now(), array[8])")
                        .replace(":codes", "'{204,204,204,204,204,204,204,204}'")
                        .replace(":latencies", "'{3,3,3,3,3,3,3,3}'")
                        .replace(":now", "now()"));

        assertThat(plan)
                .as(plan)
                .contains("webhook_delivery_pkey")
                .doesNotContain("webhook_delivery_due")
                .doesNotContain("Seq Scan on webhook_delivery");
    }

    private static String plan(String explain) {
        return String.join("\n", jdbc.sql(explain).query(String.class).list());
    }

    /** Deliveries, spread over the endpoints; next_attempt_at null when not PENDING. */
    private static void insert(int count, String status, Instant next) {
        jdbc.sql("""
                insert into webhook_delivery (delivery_id, endpoint_id, shop_id, order_id, order_version, ce_id,
                                              event_type, occurred_at, body, status, next_attempt_at, created_at)
                select gen_random_uuid(), 'we_plan_' || (i % 8), 'shop_plan_' || (i % 8), 'OF' || i, 2,
                       gen_random_uuid()::text, 'order.success', now(), '{}', :status, :next, now()
                  from generate_series(1, :count) as i""")
                .param("status", status)
                .param("next", next == null ? null : Timestamp.from(next))
                .param("count", count)
                .update();
    }
}
