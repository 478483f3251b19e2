package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The operators' kinds deploy/ uses (Strimzi, CloudNativePG, Prometheus Operator), each with
 * its API version and the fields the operator needs to act on it. There is no schema for these
 * on the classpath, so the required fields are stated here from the operators' CRDs.
 */
final class CustomResources {

    record Kind(String apiVersion, BiConsumer<Map<String, Object>, List<String>> check) {}

    static final Map<String, Kind> KINDS = Map.of(
            "Kafka", new Kind("kafka.strimzi.io/v1beta2", CustomResources::kafka),
            "KafkaNodePool", new Kind("kafka.strimzi.io/v1beta2", CustomResources::nodePool),
            "KafkaTopic", new Kind("kafka.strimzi.io/v1beta2", CustomResources::topic),
            "Cluster", new Kind("postgresql.cnpg.io/v1", CustomResources::cluster),
            "ScheduledBackup", new Kind("postgresql.cnpg.io/v1", CustomResources::scheduledBackup),
            "ServiceMonitor", new Kind("monitoring.coreos.com/v1", CustomResources::serviceMonitor),
            "PodMonitor", new Kind("monitoring.coreos.com/v1", CustomResources::podMonitor),
            "PrometheusRule", new Kind("monitoring.coreos.com/v1", CustomResources::prometheusRule));

    private CustomResources() {}

    /** What {@code object} lacks; empty when its operator can act on it. */
    static List<String> problems(Map<String, Object> object) {
        List<String> problems = new ArrayList<>();
        KINDS.get(String.valueOf(object.get("kind"))).check().accept(object, problems);
        return problems;
    }

    private static void kafka(Map<String, Object> o, List<String> p) {
        require(o, p, "metadata.annotations.strimzi\\.io/kraft");
        List<Map<String, Object>> listeners = Rendered.list(o, "spec.kafka.listeners");
        if (listeners.isEmpty()) {
            p.add("spec.kafka.listeners is empty");
        }
        listeners.forEach(l -> List.of("name", "port", "type", "tls").forEach(f -> require(l, p, f)));
        require(o, p, "spec.kafka.version");
        require(o, p, "spec.entityOperator.topicOperator");
    }

    private static void nodePool(Map<String, Object> o, List<String> p) {
        require(o, p, "metadata.labels.strimzi\\.io/cluster");
        require(o, p, "spec.replicas");
        require(o, p, "spec.storage.type");
        Object roles = Rendered.at(o, "spec.roles");
        if (!(roles instanceof List<?> list)
                || list.isEmpty()
                || !Set.of("controller", "broker").containsAll(list)) {
            p.add("spec.roles must be controller and/or broker: " + roles);
        }
    }

    private static void topic(Map<String, Object> o, List<String> p) {
        require(o, p, "metadata.labels.strimzi\\.io/cluster");
        require(o, p, "spec.partitions");
        require(o, p, "spec.replicas");
    }

    private static void cluster(Map<String, Object> o, List<String> p) {
        require(o, p, "spec.instances");
        require(o, p, "spec.storage.size");
        require(o, p, "spec.bootstrap.initdb.database");
        require(o, p, "spec.bootstrap.initdb.owner");
        require(o, p, "spec.bootstrap.initdb.secret.name");
    }

    private static void scheduledBackup(Map<String, Object> o, List<String> p) {
        require(o, p, "spec.cluster.name");
        String schedule = Rendered.text(o, "spec.schedule");
        if (schedule == null || schedule.trim().split("\\s+").length != 6) {
            p.add("spec.schedule must be a six-field cron (seconds first): " + schedule);
        }
    }

    private static void serviceMonitor(Map<String, Object> o, List<String> p) {
        require(o, p, "spec.selector");
        Rendered.list(o, "spec.endpoints").forEach(e -> require(e, p, "port"));
        if (Rendered.list(o, "spec.endpoints").isEmpty()) {
            p.add("spec.endpoints is empty");
        }
    }

    private static void podMonitor(Map<String, Object> o, List<String> p) {
        require(o, p, "spec.selector");
        if (Rendered.list(o, "spec.podMetricsEndpoints").isEmpty()) {
            p.add("spec.podMetricsEndpoints is empty");
        }
    }

    private static void prometheusRule(Map<String, Object> o, List<String> p) {
        List<Map<String, Object>> groups = Rendered.list(o, "spec.groups");
        if (groups.isEmpty()) {
            p.add("spec.groups is empty");
        }
        for (Map<String, Object> group : groups) {
            require(group, p, "name");
            for (Map<String, Object> rule : Rendered.list(group, "rules")) {
                require(rule, p, "alert");
                require(rule, p, "expr");
                require(rule, p, "labels.severity");
                require(rule, p, "annotations.summary");
            }
        }
    }

    /** A path whose keys may contain escaped dots ("labels.strimzi\\.io/cluster"). */
    private static void require(Map<String, Object> object, List<String> problems, String path) {
        Object current = object;
        for (String key : path.split("(?<!\\\\)\\.")) {
            current = current instanceof Map<?, ?> map ? map.get(key.replace("\\.", ".")) : null;
        }
        if (current == null) {
            problems.add(path.replace("\\.", ".") + " is missing");
        }
    }
}
