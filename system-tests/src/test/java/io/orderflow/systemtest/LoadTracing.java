package io.orderflow.systemtest;

import io.orderflow.process.ServiceProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The tracing sampling the services ran with, as each one reports it: tracing costs CPU per order, so
 * the report must say what it measured. The benchmark exposes the services' {@code /actuator/env}
 * (with values: local test settings only, on 127.0.0.1) and asks each for the resolved property and
 * where it came from; {@code -Dload.tracing-sampling} sets it on all four.
 */
final class LoadTracing {

    static final String PROPERTY = "management.tracing.sampling.probability";

    /** One service's answer: the resolved value and the property source it came from (or why it is unknown). */
    record Sampling(String value, String source) {

        @Override
        public String toString() {
            return value + " (from " + source + ")";
        }
    }

    private LoadTracing() {}

    /** The settings every service gets in a load run: its environment readable, and the sampling when the run sets one. */
    static Map<String, String> serviceProperties(String sampling) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus,env");
        properties.put("management.endpoint.env.show-values", "always");
        if (sampling != null) {
            properties.put(PROPERTY, sampling);
        }
        return properties;
    }

    /** Each service's sampling, by service name. */
    static Map<String, Sampling> read(Map<String, ServiceProcess> services) {
        Map<String, Sampling> read = new LinkedHashMap<>();
        services.forEach((name, service) -> read.put(name, read(service)));
        return read;
    }

    /** One line: the value all services share, or each service's. */
    static String describe(Map<String, Sampling> read) {
        if (read.values().stream().distinct().count() == 1) {
            return read.values().iterator().next() + ", the same in all " + read.size() + " services";
        }
        return read.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static Sampling read(ServiceProcess service) {
        try {
            HttpResponse<String> answer =
                    Http.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/actuator/env/" + PROPERTY))
                            .timeout(Duration.ofSeconds(15))
                            .build());
            if (answer.statusCode() == 404) {
                return new Sampling(
                        "unknown",
                        "/actuator/env answered 404: the property is in no source, or the endpoint is not exposed");
            }
            if (answer.statusCode() != 200) {
                return new Sampling("unknown", "/actuator/env answered " + answer.statusCode());
            }
            JsonNode property = ShopClient.JSON.readTree(answer.body()).path("property");
            return new Sampling(
                    property.path("value").asString("?"),
                    property.path("source").asString("?"));
        } catch (RuntimeException e) {
            return new Sampling("unknown", "/actuator/env failed: " + e);
        }
    }
}
