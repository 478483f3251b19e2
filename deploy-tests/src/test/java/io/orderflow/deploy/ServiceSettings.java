package io.orderflow.deploy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's {@code src/main/resources/application.yml} says deploy/ must provide: its
 * HTTP port, its Kafka bindings (topic, consumer group, dead-letter topic), the partitions the
 * binder expects, and the environment variables its datasource reads.
 *
 * @param service module and Deployment name
 * @param port the {@code server.port} placeholder
 * @param managementPort the {@code management.server.port} placeholder, or null when actuator
 *     shares the server's port
 * @param bindings the consumer bindings
 * @param minPartitions {@code spring.cloud.stream.kafka.binder.min-partition-count}
 * @param probesEnabled whether {@code management.endpoint.health.probes.enabled} is true
 * @param probePathsOnServerPort whether {@code management.endpoint.health.probes.add-additional-paths} is true:
 *     {@code /livez} and {@code /readyz} answer on the server's port
 * @param datasource the placeholders of {@code spring.datasource.url}, username and password
 * @param localPassword the password placeholder of {@code application-local.yml}, or null without one
 */
record ServiceSettings(
        String service,
        Placeholder port,
        Placeholder managementPort,
        List<Binding> bindings,
        int minPartitions,
        boolean probesEnabled,
        boolean probePathsOnServerPort,
        Map<String, Placeholder> datasource,
        Placeholder localPassword) {

    /** A {@code ${NAME:default}} value: the variable that overrides it and its default. */
    record Placeholder(String variable, String defaultValue) {

        private static final Pattern FORM = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

        static Placeholder parse(Object value) {
            String text = String.valueOf(value);
            Matcher m = FORM.matcher(text);
            return m.matches() ? new Placeholder(m.group(1), m.group(2)) : new Placeholder(null, text);
        }
    }

    /** One consumer binding: where it reads, as which group, where its dead letters go. */
    record Binding(String name, String destination, String group, String deadLetterTopic) {}

    private static final YAMLMapper YAML = new YAMLMapper();

    static List<ServiceSettings> all() {
        return Repository.SERVICES.stream().map(ServiceSettings::of).toList();
    }

    static ServiceSettings of(String service) {
        Map<String, Object> yml = read(service, "application.yml");
        Object localPassword = Rendered.at(read(service, "application-local.yml"), "spring.datasource.password");
        List<Binding> bindings = new ArrayList<>();
        Object declared = Rendered.at(yml, "spring.cloud.stream.bindings");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, binding) -> bindings.add(new Binding(
                    String.valueOf(name),
                    Rendered.text(binding, "destination"),
                    Rendered.text(binding, "group"),
                    Rendered.text(
                            Rendered.at(yml, "spring.cloud.stream.kafka.bindings"), name + ".consumer.dlq-name"))));
        }
        Map<String, Placeholder> datasource = Map.of(
                "url", Placeholder.parse(Rendered.at(yml, "spring.datasource.url")),
                "username", Placeholder.parse(Rendered.at(yml, "spring.datasource.username")),
                "password", Placeholder.parse(Rendered.at(yml, "spring.datasource.password")));
        Object management = Rendered.at(yml, "management.server.port");
        return new ServiceSettings(
                service,
                Placeholder.parse(Rendered.at(yml, "server.port")),
                management == null ? null : Placeholder.parse(management),
                bindings,
                Integer.parseInt(
                        Placeholder.parse(Rendered.at(yml, "spring.cloud.stream.kafka.binder.min-partition-count"))
                                .defaultValue()),
                Boolean.parseBoolean(Rendered.text(yml, "management.endpoint.health.probes.enabled")),
                Boolean.parseBoolean(Rendered.text(yml, "management.endpoint.health.probes.add-additional-paths")),
                datasource,
                localPassword == null ? null : Placeholder.parse(localPassword));
    }

    /** The port the service listens on when the Deployment sets {@code env} (name to value). */
    int port(Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault(port.variable(), port.defaultValue()));
    }

    /** The port actuator (metrics, Prometheus, health groups) answers on when the Deployment sets {@code env}. */
    int managementPort(Map<String, String> env) {
        return managementPort == null
                ? port(env)
                : Integer.parseInt(env.getOrDefault(managementPort.variable(), managementPort.defaultValue()));
    }

    /** The service's resource file as maps, or an empty map when there is no such file. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String service, String file) {
        var path =
                Repository.root().resolve(service).resolve("src/main/resources").resolve(file);
        if (!java.nio.file.Files.exists(path)) {
            return Map.of();
        }
        try {
            return YAML.readValue(path.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
