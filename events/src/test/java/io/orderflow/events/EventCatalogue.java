package io.orderflow.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Renders {@code docs/events.md} from the registry and the checked-in JSON Schemas. */
final class EventCatalogue {

    static final Path SCHEMAS = Path.of("src/main/resources/io/orderflow/events/schemas");

    private final StringBuilder out = new StringBuilder();
    private final Map<String, JsonNode> sharedTypes = new TreeMap<>();

    static String render() {
        EventCatalogue catalogue = new EventCatalogue();
        catalogue.append(EventCatalogueText.HEADER);
        catalogue.topics();
        catalogue.append(EventCatalogueText.ENVELOPE);
        catalogue.types();
        catalogue.sharedTypes();
        return catalogue.out.toString();
    }

    private void topics() {
        append("## Topics\n\nEvery topic is keyed by the event's subject: the order id (WeChat's `out_trade_no`),"
                + " so all events of one order land on one partition and keep their order; partition by the default"
                + " murmur2 hash of the key and scale consumers up to the partition count."
                + " Reconciliation run events use `reconciliation:<mchid>:<bill_date>` as key.\n\n"
                + "| topic | publisher (consumer group = service name) | ce_types |\n|---|---|---|\n");
        Map<String, String> publishers = new TreeMap<>();
        EventTypes.all().forEach(type -> publishers.put(type.topic(), type.service() + "-service"));
        publishers.forEach((topic, publisher) -> append("| `" + topic + "` | " + publisher + " | "
                + EventTypes.onTopic(topic).stream()
                        .map(type -> "`" + type.ceType() + "`")
                        .collect(Collectors.joining("<br>"))
                + " |\n"));
        append("\n");
    }

    private void types() {
        append("## Event types\n\n| ce_type | topic | ce_source | record |\n|---|---|---|---|\n");
        EventTypes.all()
                .forEach(type -> append("| [`" + type.ceType() + "`](#" + anchor(type.ceType()) + ") | `" + type.topic()
                        + "` | `" + type.source() + "` | `" + type.recordClass().getName() + "` |\n"));
        append("\n");
        EventTypes.all().forEach(this::type);
    }

    private void type(EventType<?> type) {
        JsonNode schema = readSchema(type);
        String description = schema.get("description").asString();
        append("### " + type.ceType() + "\n\n" + escape(description.substring(0, description.indexOf(" Published by ")))
                + "\n\n"
                + "- record: `" + type.recordClass().getName() + "`\n"
                + "- topic: `" + type.topic() + "`, published by " + type.service() + "-service (`ce_source` `"
                + type.source() + "`)\n"
                + "- schema: `" + EventTypes.schemaResource(type) + "`\n"
                + "- fixtures: `" + EventTypes.fixtureDirectory(type) + "`\n\n");
        fields(schema);
        schema.path("$defs").properties().forEach(entry -> sharedTypes.put(entry.getKey(), entry.getValue()));
    }

    private void sharedTypes() {
        append("## Shared types\n\n");
        sharedTypes.forEach((name, schema) -> {
            append("### " + name + "\n\n" + escape(schema.get("description").asString()) + "\n\n");
            fields(schema);
        });
    }

    private void fields(JsonNode objectSchema) {
        append("| field | type | required | description |\n|---|---|---|---|\n");
        objectSchema
                .get("properties")
                .properties()
                .forEach(entry -> append("| `" + entry.getKey() + "` | "
                        + typeOf(entry.getValue()) + " | " + (isRequired(objectSchema, entry.getKey()) ? "yes" : "no")
                        + " | " + escape(entry.getValue().get("description").asString()) + " |\n"));
        append("\n");
    }

    private static String typeOf(JsonNode property) {
        if (property.has("$ref")) {
            String name = property.get("$ref").asString().substring("#/$defs/".length());
            return "[" + name + "](#" + anchor(name) + ")";
        }
        String type = property.get("type").asString();
        if (type.equals("array")) {
            return "array of " + typeOf(property.get("items"));
        }
        if (property.has("enum")) {
            return "enum: "
                    + property.get("enum")
                            .valueStream()
                            .map(value -> "`" + value.asString() + "`")
                            .collect(Collectors.joining(", "));
        }
        String format = property.has("format") ? " (" + property.get("format").asString() + ")" : "";
        String minimum =
                property.has("minimum") ? " ≥ " + property.get("minimum").asInt() : "";
        String pattern =
                property.has("pattern") ? " `" + property.get("pattern").asString() + "`" : "";
        return type + format + minimum + pattern;
    }

    private static boolean isRequired(JsonNode objectSchema, String property) {
        return objectSchema
                .get("required")
                .valueStream()
                .anyMatch(name -> name.asString().equals(property));
    }

    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9 -]", "")
                .replace(' ', '-');
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static JsonNode readSchema(EventType<?> type) {
        try {
            return WireFormat.FILES.readTree(Files.readString(SCHEMAS.resolve(type.ceType() + ".schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String text) {
        out.append(text);
    }
}
