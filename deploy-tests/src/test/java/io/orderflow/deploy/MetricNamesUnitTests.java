package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alert rules read only series that exist: orderflow's own as the code
 * registers them, the standard ones as Micrometer names them, and the Kafka Exporter's.
 */
class MetricNamesUnitTests {

    private static final String DASHBOARD = "base/monitoring/orderflow-dashboard.json";

    /** Expression (dashboard panel or alert) to the metric names it reads: the one list of them. */
    private static final Map<String, Set<String>> USED = new TreeMap<>();

    @BeforeAll
    static void collectExpressions() {
        dashboardPanels(readDashboard().path("panels"));
        for (Map<String, Object> rule : Rendered.of("base").ofKind("PrometheusRule")) {
            for (Map<String, Object> group : Rendered.list(rule, "spec.groups")) {
                for (Map<String, Object> alert : Rendered.list(group, "rules")) {
                    USED.put("alert " + alert.get("alert"), PromQl.metricNames(String.valueOf(alert.get("expr"))));
                }
            }
        }
    }

    @Test
    void theDashboardAndTheAlertsReadMetrics() {
        assertThat(USED.keySet()).anyMatch(k -> k.startsWith("panel ")).anyMatch(k -> k.startsWith("alert "));
        assertThat(USED)
                .allSatisfy((where, names) -> assertThat(names).as(where).isNotEmpty());
    }

    @Test
    void metricNamesAreWellFormed() {
        USED.forEach((where, names) ->
                assertThat(names).as(where).allSatisfy(n -> assertThat(n).matches(PromQl.METRIC_NAME)));
    }

    @Test
    void orderflowsOwnMetricsAreRegisteredByTheCode() {
        Set<String> exported = ExportedMetrics.orderflow();
        assertThat(exported).as("meters found in the services' code").contains("orderflow_outbox_oldest_age_seconds");
        USED.forEach((where, names) -> names.stream()
                .filter(n -> n.startsWith("orderflow_"))
                .forEach(n -> assertThat(exported).as("%s reads %s", where, n).contains(n)));
    }

    @Test
    void everyOtherMetricIsAStandardOrExporterSeries() {
        Set<String> known = new TreeSet<>(ExportedMetrics.standard());
        known.addAll(ExportedMetrics.EXTERNAL);
        USED.forEach((where, names) -> names.stream()
                .filter(n -> !n.startsWith("orderflow_"))
                .forEach(n -> assertThat(known).as("%s reads %s", where, n).contains(n)));
    }

    private static void dashboardPanels(JsonNode panels) {
        for (JsonNode panel : panels) {
            dashboardPanels(panel.path("panels"));
            for (JsonNode target : panel.path("targets")) {
                USED.put(
                        "panel " + panel.path("title").asText() + " "
                                + target.path("refId").asText(),
                        PromQl.metricNames(target.path("expr").asText()));
            }
        }
    }

    private static JsonNode readDashboard() {
        try {
            return new ObjectMapper()
                    .readTree(Repository.deploy().resolve(DASHBOARD).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
