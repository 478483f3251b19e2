package io.orderflow.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.test.ServiceStartupTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * reconcile-service starts against the real PostgreSQL and Kafka broker, migrates and reports health (the
 * assertions of {@link ServiceStartupTests}), and its operator API takes only the operator's bearer token.
 */
@TestPropertySource(properties = "orderflow.admin.token=" + ReconcileServiceApplicationTests.TOKEN)
class ReconcileServiceApplicationTests extends ServiceStartupTests {

    static final String TOKEN = "test-operator-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "Authorization: {0}")
    @NullSource
    @ValueSource(strings = {"Bearer wrong-token", "Bearer ", "Basic dGVzdC1vcGVyYXRvci10b2tlbg=="})
    void theOperatorApiRefusesCallersWithoutTheToken(String authorization) throws Exception {
        long runs = billRuns();

        HttpResponse<String> stuck = call("GET", "/reconcile/v1/stuck", authorization);
        HttpResponse<String> run =
                call("POST", "/reconcile/v1/bills/1900000001/" + LocalDate.now().minusDays(1) + "/runs", authorization);
        HttpResponse<String> report = call("GET", "/reconcile/v1/bills/1900000001/2026-01-01/report", authorization);

        for (HttpResponse<String> answer : java.util.List.of(stuck, run, report)) {
            assertThat(answer.statusCode()).as(answer.uri().getPath()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(answer.body()).contains("\"code\":\"ADMIN_TOKEN_INVALID\"");
        }
        assertThat(billRuns()).as("no bill run started").isEqualTo(runs);
    }

    @Test
    void theOperatorApiAnswersTheOperatorsToken() throws Exception {
        HttpResponse<String> stuck = call("GET", "/reconcile/v1/stuck?older-than=PT1H", "Bearer " + TOKEN);
        HttpResponse<String> run = call("POST", "/reconcile/v1/bills/1900000001/yesterday/runs", "Bearer " + TOKEN);

        assertThat(stuck.statusCode()).isEqualTo(200);
        assertThat(stuck.body()).contains("\"timers\":", "\"queries\":");
        assertThat(run.statusCode())
                .as("reached the controller, which refuses the date")
                .isEqualTo(400);
        assertThat(run.body()).contains("INVALID_BILL_DATE");
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long billRuns() {
        return jdbc.sql("select count(*) from bill_run").query(Long.class).single();
    }
}
