package io.orderflow.events;

import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A golden fixture of an event type, as shipped in the jar. */
record Fixture(EventType<?> type, String resource) {

    static Stream<Fixture> all() {
        return EventTypes.all().stream()
                .flatMap(type -> EventTypes.fixtureResources(type).stream().map(path -> new Fixture(type, path)));
    }

    ObjectNode json() {
        return (ObjectNode) WireFormat.readResource(resource);
    }

    OrderflowEvent event() {
        return WireFormat.CODEC.treeToValue(json(), type.recordClass());
    }

    JsonNode schema() {
        return WireFormat.readResource(EventTypes.schemaResource(type));
    }

    @Override
    public String toString() {
        return resource.substring(resource.indexOf("fixtures/") + "fixtures/".length());
    }
}
