package io.orderflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.orderflow.events.EventType;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderflowEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codec the services really use speaks the published contract: every golden fixture of
 * the events module decodes, and what the codec writes validates against the type's schema
 * and reads back equal.
 */
class EventCodecContractUnitTests {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = new EventCodec();

    static Stream<Arguments> fixtures() {
        return EventTypes.all().stream()
                .flatMap(type -> EventTypes.fixtureResources(type).stream()
                        .map(resource -> Arguments.of(type.ceType(), resource)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fixtures")
    void encodesEveryFixtureToJsonThatValidatesAgainstItsSchemaAndReadsBackEqual(String ceType, String resource)
            throws IOException {
        EventType<?> type = EventTypes.byCeType(ceType).orElseThrow();
        OrderflowEvent event = codec.decode(ceType, read(resource));
        byte[] encoded = codec.encode(event);

        Schema schema = SCHEMAS.getSchema(JSON.readTree(read(EventTypes.schemaResource(type))));
        assertThat(schema.validate(JSON.readTree(encoded))).isEmpty();
        assertThat(codec.decode(ceType, encoded)).isEqualTo(event);
        assertThat(event).isInstanceOf(type.recordClass());
    }

    @Test
    void rejectsAnUnknownTypeAsNonRetryable() {
        assertThatThrownBy(() -> codec.decode("orderflow.order.Nothing.v1", "{}".getBytes()))
                .isInstanceOf(UnknownEventTypeException.class)
                .isInstanceOf(NonRetryableEventException.class);
    }

    @Test
    void rejectsAPayloadThatBreaksTheRecordsRulesAsNonRetryable() {
        assertThatThrownBy(() -> codec.decode("orderflow.order.OrderCreated.v1", "{\"order_id\":\"T1\"}".getBytes()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("orderflow.order.OrderCreated.v1");
        assertThatThrownBy(() -> codec.decode("orderflow.order.OrderCreated.v1", "not json".getBytes()))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void ignoresUnknownFieldsSoAdditiveChangesKeepV1() throws IOException {
        String resource = EventTypes.fixtureResources(EventTypes.ORDER_CREATED).get(0);
        String json = new String(read(resource)).replaceFirst("\\{", "{\"added_later\":42,");
        assertThat(codec.decode(EventTypes.ORDER_CREATED.ceType(), json.getBytes()))
                .isEqualTo(codec.decode(EventTypes.ORDER_CREATED.ceType(), read(resource)));
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = EventCodecContractUnitTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
