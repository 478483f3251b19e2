package io.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.platform.web.OnDemandAsyncTimeoutProtocol;
import io.orderflow.platform.web.TomcatHousekeeping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestTemplate;

/**
 * order-service starts against the real PostgreSQL and Kafka broker, migrates and reports health: actuator on
 * the management port only, the probes ({@code /livez}, {@code /readyz}) on the service's port too.
 */
@OrderServiceTest
class OrderServiceApplicationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final TestRestTemplate http;
    private final JdbcClient jdbc;
    private final RestTemplate management;

    @Autowired
    OrderServiceApplicationTests(TestRestTemplate http, JdbcClient jdbc, @LocalManagementPort int managementPort) {
        this.http = http;
        this.jdbc = jdbc;
        this.management = new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + managementPort)
                .build();
    }

    @Test
    void reportsHealthUpWithDatabaseAndKafkaBinder() {
        Map<String, Object> health = getUp(management, "/actuator/health");

        assertThat(component(health, "db")).containsEntry("status", "UP");
        assertThat(component(health, "binders")).containsEntry("status", "UP");
        assertThat(component(health, "binders", "kafka")).containsEntry("status", "UP");
    }

    @Test
    void isReadyOnlyWithDatabaseAndKafkaBinderChecked() {
        for (Map<String, Object> readiness :
                List.of(getUp(management, "/actuator/health/readiness"), getUp(http.getRestTemplate(), "/readyz"))) {
            assertThat(component(readiness, "readinessState")).containsEntry("status", "UP");
            assertThat(component(readiness, "db")).containsEntry("status", "UP");
            assertThat(component(readiness, "binders")).containsEntry("status", "UP");
        }
    }

    @Test
    void isLive() {
        getUp(http.getRestTemplate(), "/livez");
        getUp(management, "/actuator/health/liveness");
    }

    @Test
    void servesActuatorOnTheManagementPortOnly() {
        assertThat(management.getForEntity("/actuator/prometheus", String.class).getBody())
                .contains("jvm_memory_used_bytes");
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void bothServersCheckAsynchronousRequestsOnlyWhenThereAreAny(@Autowired TomcatHousekeeping housekeeping) {
        assertThat(housekeeping.connectors())
                .as("the application server's connector and the management server's")
                .hasSize(2)
                .allSatisfy(connector ->
                        assertThat(connector.getProtocolHandler()).isInstanceOf(OnDemandAsyncTimeoutProtocol.class));
    }

    @Test
    void appliesPlatformMigrationsAtStartUp() {
        var applied = jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                .query(String.class)
                .list();

        assertThat(applied).contains("0.1", "0.2", "1");
        assertThat(tableExists("outbox_event")).isTrue();
        assertThat(tableExists("processed_message")).isTrue();
    }

    private static Map<String, Object> getUp(RestTemplate http, String path) {
        ResponseEntity<Map<String, Object>> response = http.exchange(path, HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).as(path).containsEntry("status", "UP");
        return response.getBody();
    }

    /** The health component at that path of nested {@code components}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(Map<String, Object> health, String... path) {
        Map<String, Object> current = health;
        for (String name : path) {
            assertThat(current).as("components of %s", current).containsKey("components");
            Map<String, Object> components = (Map<String, Object>) current.get("components");
            assertThat(components).as("health component %s", name).containsKey(name);
            current = (Map<String, Object>) components.get(name);
        }
        return current;
    }

    private boolean tableExists(String table) {
        return jdbc.sql("select to_regclass(?) is not null")
                .param("public." + table)
                .query(Boolean.class)
                .single();
    }
}
