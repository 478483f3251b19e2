package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Golden fixtures against the JSON Schemas and the records, with the platform codec's configuration. */
class EventContractUnitTests {

    private static final Path FIXTURES = Path.of("src/main/resources/io/orderflow/events/fixtures");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    static Stream<Fixture> fixtures() {
        return Fixture.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureIsValidAgainstItsSchema(Fixture fixture) {
        assertThat(validate(fixture.schema(), fixture.json())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureUsesOnlyPropertiesDeclaredInTheSchema(Fixture fixture) {
        assertThat(validate(closed(fixture.schema()), fixture.json())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureRoundTripsThroughItsRecord(Fixture fixture) {
        OrderflowEvent event = fixture.event();

        JsonNode written = WireFormat.CODEC.readTree(WireFormat.CODEC.writeValueAsString(event));

        assertThat(written).isEqualTo(fixture.json());
        assertThat(event).isInstanceOf(fixture.type().recordClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureIsPublishedUnderItsOwnType(Fixture fixture) {
        assertThat(EventTypes.of(fixture.event())).isEqualTo(fixture.type());
    }

    @Test
    void everyRegisteredTypeHasASchemaAndAFixture() {
        assertThat(EventTypes.all()).allSatisfy(type -> {
            assertThat(WireFormat.readResource(EventTypes.schemaResource(type))
                            .path("$id")
                            .asString())
                    .endsWith(type.ceType() + ".schema.json");
            assertThat(EventTypes.fixtureResources(type))
                    .as("fixtures of %s", type.ceType())
                    .isNotEmpty();
        });
    }

    @Test
    void fixtureIndexListsExactlyTheFixtureFiles() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(FIXTURES)) {
            paths.filter(path -> path.toString().endsWith(".json"))
                    .forEach(path ->
                            files.add(FIXTURES.relativize(path).toString().replace('\\', '/')));
        }
        Set<String> indexed = new TreeSet<>();
        Fixture.all().forEach(fixture -> indexed.add(fixture.toString()));

        assertThat(indexed).containsExactlyElementsOf(files);
        assertThat(files)
                .allSatisfy(file -> assertThat(EventTypes.byCeType(file.substring(0, file.indexOf('/'))))
                        .as("fixture folder of %s names a registered ce_type", file)
                        .isPresent());
    }

    @Test
    void fixturesTogetherUseEveryPropertyOfEachRecord() {
        assertThat(EventTypes.all()).allSatisfy(type -> {
            Set<String> used = new TreeSet<>();
            Fixture.all()
                    .filter(fixture -> fixture.type().recordClass() == type.recordClass())
                    .forEach(fixture -> fixture.json().propertyNames().forEach(used::add));
            assertThat(used)
                    .as(
                            "properties of %s used by its fixtures",
                            type.recordClass().getSimpleName())
                    .containsAll(fixtureOf(type).schema().get("properties").propertyNames());
        });
    }

    @Test
    void rejectsANegativeAmount() {
        assertRejectedBySchemaAndRecord(
                EventTypes.ORDER_CREATED,
                node -> ((ObjectNode) node.get("amount")).put("fen", -1),
                "minimum",
                "fen must not be negative: -1");
    }

    @Test
    void rejectsAMissingRequiredField() {
        assertRejectedBySchemaAndRecord(
                EventTypes.NOTIFY_PAYMENT_NOTIFIED,
                node -> node.remove("trade_state"),
                "required",
                "tradeState is required");
    }

    /**
     * The type's fixture, edited, fails its schema by the one {@code keyword} and its record's constructor with
     * {@code message}.
     */
    private static void assertRejectedBySchemaAndRecord(
            EventType<?> type, Consumer<ObjectNode> edit, String keyword, String message) {
        Fixture fixture = fixtureOf(type);
        ObjectNode json = edited(fixture, edit);

        assertThat(validate(fixture.schema(), json))
                .extracting(Error::getKeyword)
                .containsExactly(keyword);
        assertThatThrownBy(() -> WireFormat.CODEC.treeToValue(json, type.recordClass()))
                .isInstanceOf(JacksonException.class)
                .hasRootCauseMessage(message);
    }

    @Test
    void rejectsAnUnknownEnumValueAndAMalformedInstant() {
        Fixture fixture = fixtureOf(EventTypes.REFUND_SUBMITTED);
        ObjectNode json = edited(fixture, node -> node.put("status", "DONE").put("submitted_at", "30/11/2026"));

        assertThat(validate(fixture.schema(), json))
                .extracting(Error::getKeyword)
                .containsExactlyInAnyOrder("enum", "format");
    }

    @Test
    void rejectsANotificationSourceThePublisherDoesNotUse() {
        Fixture callback = fixtureOf(EventTypes.NOTIFY_PAYMENT_NOTIFIED);
        Fixture query = fixtureOf(EventTypes.RECONCILE_PAYMENT_NOTIFIED);

        assertThat(validate(callback.schema(), edited(callback, node -> node.put("source", "QUERY"))))
                .extracting(Error::getKeyword)
                .containsExactly("enum");
        assertThat(validate(query.schema(), edited(query, node -> node.put("source", "CALLBACK"))))
                .extracting(Error::getKeyword)
                .containsExactly("enum");
    }

    @Test
    void acceptsAndIgnoresPropertiesAddedByANewerProducer() {
        Fixture fixture = fixtureOf(EventTypes.ORDER_CREATED);
        ObjectNode json = edited(fixture, node -> node.put("promotion_code", "SPRING26"));

        assertThat(validate(fixture.schema(), json)).isEmpty();
        assertThat(WireFormat.CODEC.treeToValue(json, OrderCreated.class)).isEqualTo(fixture.event());
    }

    static Fixture fixtureOf(EventType<?> type) {
        return Fixture.all()
                .filter(fixture -> fixture.type().equals(type))
                .findFirst()
                .orElseThrow();
    }

    private static ObjectNode edited(Fixture fixture, Consumer<ObjectNode> edit) {
        ObjectNode json = fixture.json();
        edit.accept(json);
        return json;
    }

    private static List<Error> validate(JsonNode schemaJson, JsonNode instance) {
        Schema schema = SCHEMAS.getSchema(schemaJson);
        return schema.validate(instance);
    }

    /** The schema with {@code additionalProperties: false} everywhere, to catch misnamed fields in fixtures. */
    private static JsonNode closed(JsonNode schema) {
        ObjectNode copy = (ObjectNode) schema.deepCopy();
        copy.put("$id", copy.get("$id").asString().replace(".schema.json", ".closed.schema.json"));
        copy.put("additionalProperties", false);
        copy.path("$defs").forEach(definition -> ((ObjectNode) definition).put("additionalProperties", false));
        return copy;
    }
}
