package io.orderflow.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service starts against the real PostgreSQL and Kafka broker, runs its migrations and
 * reports itself healthy, live and ready — with the database and the Kafka binder checked.
 * Actuator answers on the management port only; the service's own port keeps the probes
 * ({@code /livez}, {@code /readyz}) and nothing else of actuator (ADR 0015).
 * Each service extends it once in its own package, so its own application is the one started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceStartupTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Test
    void reportsHealthUpWithDatabaseAndKafkaBinderOnTheManagementPort() throws Exception {
        JsonNode health = getUp(managementPort, "/actuator/health");

        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/binders/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/binders/components/kafka/status").asString())
                .isEqualTo("UP");
    }

    @Test
    void isReadyOnlyWithDatabaseAndKafkaBinderChecked() throws Exception {
        for (JsonNode readiness :
                List.of(getUp(managementPort, "/actuator/health/readiness"), getUp(port, "/readyz"))) {
            assertThat(readiness.at("/components/readinessState/status").asString())
                    .isEqualTo("UP");
            assertThat(readiness.at("/components/db/status").asString()).isEqualTo("UP");
            if (readinessNeedsBroker()) {
                assertThat(readiness.at("/components/binders/status").asString())
                        .isEqualTo("UP");
            } else {
                assertThat(readiness.at("/components/binders").isMissingNode())
                        .as(readiness.toString())
                        .isTrue();
            }
        }
    }

    /** Whether the service's readiness includes the Kafka binder; notify-service's does not (ADR 0016). */
    protected boolean readinessNeedsBroker() {
        return true;
    }

    @Test
    void isLiveOnTheProbePathOfItsOwnPort() throws Exception {
        getUp(port, "/livez");
        getUp(managementPort, "/actuator/health/liveness");
    }

    @Test
    void servesMetricsOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        for (String path : List.of(
                "/actuator/prometheus",
                "/actuator/metrics",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator",
                "/actuator/info")) {
            assertThat(get(port, path).statusCode())
                    .as("%s on the service's port", path)
                    .isEqualTo(404);
        }
    }

    @Test
    void appliesPlatformMigrationsAtStartUp(@Autowired DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> applied = jdbc.sql(
                        "select version from flyway_schema_history where success order by installed_rank")
                .query(String.class)
                .list();

        assertThat(applied).contains("0.1", "0.2");
        assertThat(jdbc.sql(
                                "select to_regclass('outbox_event') is not null and to_regclass('processed_message') is not null")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private static JsonNode getUp(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asString()).as(path).isEqualTo("UP");
        return body;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
