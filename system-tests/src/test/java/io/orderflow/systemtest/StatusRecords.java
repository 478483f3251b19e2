package io.orderflow.systemtest;

import io.orderflow.platform.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reading events as a downstream consumer does: JSON payloads, redeliveries (same ce_id) dropped. */
final class StatusRecords {

    private StatusRecords() {}

    static List<TopicProbe.Received> distinctByCeId(List<TopicProbe.Received> records) {
        Set<String> seen = new HashSet<>();
        return records.stream().filter(r -> seen.add(r.header("ce_id"))).toList();
    }

    static JsonNode json(TopicProbe.Received record) {
        return ShopClient.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    static String field(TopicProbe.Received record, String name) {
        return json(record).path(name).asString();
    }
}
