package io.orderflow.platform.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderflow.events.EventType;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderflowEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of the event records as documented in {@code docs/events.md}: snake_case names,
 * ISO-8601 instants, enums by name, absent fields for nulls, unknown fields ignored (so
 * additive v1 changes never break a consumer).
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] encode(OrderflowEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    /**
     * Reads a payload as the record its {@code ce_type} names.
     *
     * @throws UnknownEventTypeException when the registry does not know the type
     * @throws MalformedEventException when the payload does not fit the record
     */
    public OrderflowEvent decode(String ceType, byte[] payload) {
        EventType<?> type = EventTypes.byCeType(ceType).orElseThrow(() -> new UnknownEventTypeException(ceType));
        try {
            return mapper.readValue(payload, type.recordClass());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(ceType, e);
        }
    }
}
