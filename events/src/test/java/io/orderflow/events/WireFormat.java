package io.orderflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The platform codec's JSON configuration, restated here so the contract is tested with exactly it. */
final class WireFormat {

    /** snake_case names, ISO-8601 instants and dates, enums by name, nulls omitted, unknown fields ignored. */
    static final JsonMapper CODEC = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion ->
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Plain mapper for schema and fixture files; pretty-prints with stable formatting. */
    static final JsonMapper FILES =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private WireFormat() {}

    static JsonNode readResource(String classpathPath) {
        try (InputStream in = WireFormat.class.getClassLoader().getResourceAsStream(classpathPath)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + classpathPath);
            }
            return FILES.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's SNAKE_CASE for our component names (lower camel case, no acronyms). */
    static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
