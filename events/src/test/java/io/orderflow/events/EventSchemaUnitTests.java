package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.test.GeneratedFile;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas are generated from the records and their Javadoc; they fail here when stale.
 * Regenerate with {@code -Dorderflow.schemas.write=true}.
 */
class EventSchemaUnitTests {

    private static final Path SCHEMAS = Path.of("src/main/resources/io/orderflow/events/schemas");

    static Stream<EventType<?>> types() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void checkedInSchemaMatchesTheRecord(EventType<?> type) {
        String generated = WireFormat.FILES.writeValueAsString(SchemaGenerator.schemaOf(type)) + "\n";

        new GeneratedFile(SCHEMAS.resolve(type.ceType() + ".schema.json"), "orderflow.schemas.write")
                .assertUpToDate(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schemaDeclaresEveryComponentAndNothingElse(EventType<?> type) {
        JsonNode schema = WireFormat.readResource(EventTypes.schemaResource(type));

        assertMatches(type.recordClass(), schema);
        for (String name : schema.path("$defs").propertyNames()) {
            assertMatches(nestedRecord(name), schema.get("$defs").get(name));
        }
    }

    @Test
    void everyRecordComponentHasJavadocAndNoJavadocIsStale() {
        Stream.concat(
                        EventTypes.all().stream().map(EventType::recordClass),
                        Stream.of(Money.class, OrderSnapshot.class, RefundSnapshot.class, JsapiPayParams.class))
                .forEach(record -> assertThat(RecordJavadoc.of(record).params().keySet())
                        .as("@param tags of %s", record.getSimpleName())
                        .containsExactlyElementsOf(componentNames(record))
                        .allSatisfy(name ->
                                assertThat(RecordJavadoc.of(record).param(name)).isNotBlank()));
    }

    @Test
    void schemaDescribesTypesFormatsAndMinimums() {
        JsonNode properties = WireFormat.readResource(EventTypes.schemaResource(EventTypes.ORDER_STATUS_CHANGED))
                .get("properties");

        assertThat(properties.get("occurred_at").get("format").asString()).isEqualTo("date-time");
        assertThat(properties.get("version").get("minimum").asInt()).isEqualTo(1);
        assertThat(properties.get("to").get("enum")).hasSize(OrderStatus.values().length);
        assertThat(properties.get("order").get("$ref").asString()).isEqualTo("#/$defs/OrderSnapshot");
        assertThat(properties.get("causation_id").get("description").asString()).contains("null when");
    }

    private static void assertMatches(Class<?> record, JsonNode objectSchema) {
        List<String> names =
                componentNames(record).stream().map(WireFormat::snakeCase).toList();
        List<String> required = Arrays.stream(record.getRecordComponents())
                .filter(component -> !component.isAnnotationPresent(Nullable.class))
                .map(component -> WireFormat.snakeCase(component.getName()))
                .toList();

        assertThat(objectSchema.get("properties").propertyNames())
                .as("properties of %s", record.getSimpleName())
                .containsExactlyElementsOf(names);
        assertThat(objectSchema.get("required").valueStream().map(JsonNode::asString))
                .as("required of %s", record.getSimpleName())
                .containsExactlyElementsOf(required);
        assertThat(objectSchema.get("properties"))
                .allSatisfy(property -> assertThat(property.has("type") && property.has("description"))
                        .isTrue());
        assertThat(objectSchema.get("additionalProperties").asBoolean()).isTrue();
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static Class<?> nestedRecord(String simpleName) {
        try {
            return Class.forName(EventTypes.class.getPackageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("$defs names no record of the events package: " + simpleName, e);
        }
    }
}
