package io.orderflow.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the JSON Schema (draft 2020-12) of an event type from its record: names as the codec writes them
 * (snake_case), descriptions from the record's Javadoc, {@code required} = components not marked
 * {@link Nullable}, formats, enums and minimums.
 */
final class SchemaGenerator {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final String ID_BASE = "https://orderflow.io/schemas/events/";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<Class<?>> INTEGERS = Set.of(long.class, Long.class, int.class, Integer.class);
    /** Component-specific constraints the type alone cannot express; each one is enforced by the record too. */
    private static final Map<String, Map<String, Object>> CONSTRAINTS = Map.of(
            "Money.currency", Map.of("pattern", "^[A-Z]{3}$"),
            "OrderStatusChanged.version", Map.of("minimum", 1));

    private SchemaGenerator() {}

    static ObjectNode schemaOf(EventType<?> type) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", ID_BASE + type.ceType() + ".schema.json");
        schema.put("title", type.recordClass().getSimpleName() + " (" + type.ceType() + ")");
        schema.put(
                "description",
                RecordJavadoc.of(type.recordClass()).summary() + " Published by "
                        + type.service() + "-service (ce_source " + type.source() + ") on topic " + type.topic()
                        + " with ce_type " + type.ceType() + "; Kafka key and ce_subject: the event's subject.");
        ObjectNode defs = NODES.objectNode();
        schema.setAll(objectBody(type.recordClass(), defs));
        restrictSource(type, (ObjectNode) schema.get("properties").get("source"));
        if (!defs.isEmpty()) {
            schema.set("$defs", defs);
        }
        return schema;
    }

    /**
     * A notification's source tells its publisher: CALLBACK from notify-service, PREPAY from payment-service,
     * QUERY or BILL from reconcile.
     */
    private static void restrictSource(EventType<?> type, ObjectNode source) {
        if (source == null) {
            return;
        }
        ArrayNode values = source.putArray("enum");
        Arrays.stream(NotificationSource.values())
                .filter(value -> sourceService(value).equals(type.service()))
                .forEach(value -> values.add(value.name()));
    }

    private static String sourceService(NotificationSource source) {
        return switch (source) {
            case CALLBACK -> EventTypes.NOTIFY_SERVICE;
            case PREPAY -> EventTypes.PAYMENT_SERVICE;
            case QUERY, BILL -> EventTypes.RECONCILE_SERVICE;
        };
    }

    private static ObjectNode objectBody(Class<?> record, ObjectNode defs) {
        RecordJavadoc javadoc = RecordJavadoc.of(record);
        ObjectNode body = NODES.objectNode();
        body.put("type", "object");
        ObjectNode properties = body.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = WireFormat.snakeCase(component.getName());
            ObjectNode property = valueSchema(component.getGenericType(), defs);
            constraints(record, component).forEach((key, value) -> constrain(property, key, value));
            property.put("description", javadoc.param(component.getName()));
            properties.set(name, property);
            if (!component.isAnnotationPresent(Nullable.class)) {
                required.add(name);
            }
        }
        body.set("required", required);
        body.put("additionalProperties", true);
        return body;
    }

    private static void constrain(ObjectNode property, String keyword, Object value) {
        if (value instanceof Integer number) {
            property.put(keyword, number);
        } else {
            property.put(keyword, value.toString());
        }
    }

    private static Map<String, Object> constraints(Class<?> record, RecordComponent component) {
        return CONSTRAINTS.getOrDefault(record.getSimpleName() + "." + component.getName(), Map.of());
    }

    private static ObjectNode valueSchema(Type type, ObjectNode defs) {
        if (type instanceof ParameterizedType list && list.getRawType() == java.util.List.class) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", valueSchema(list.getActualTypeArguments()[0], defs));
            return array;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return reference(raw, defs);
        }
        return scalarSchema(raw);
    }

    private static ObjectNode scalarSchema(Class<?> raw) {
        ObjectNode node = NODES.objectNode();
        if (raw == String.class) {
            return node.put("type", "string");
        } else if (INTEGERS.contains(raw)) {
            return node.put("type", "integer").put("minimum", 0);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return node.put("type", "boolean");
        } else if (raw == Instant.class) {
            return node.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            return node.put("type", "string").put("format", "date");
        } else if (raw.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            Arrays.stream(raw.getEnumConstants())
                    .map(value -> ((Enum<?>) value).name())
                    .forEach(values::add);
            return node;
        }
        throw new IllegalArgumentException("no JSON Schema mapping for " + raw.getName());
    }

    private static ObjectNode reference(Class<?> record, ObjectNode defs) {
        String name = record.getSimpleName();
        if (!defs.has(name)) {
            defs.putObject(name);
            ObjectNode definition = NODES.objectNode()
                    .put("description", RecordJavadoc.of(record).summary());
            definition.setAll(objectBody(record, defs));
            defs.set(name, definition);
        }
        return NODES.objectNode().put("type", "object").put("$ref", "#/$defs/" + name);
    }
}
