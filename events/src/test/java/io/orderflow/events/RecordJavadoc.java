package io.orderflow.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of a record in {@code src/main/java}: its summary and its {@code @param} texts, which are the
 * single source of the descriptions in the JSON Schemas and in {@code docs/events.md}.
 */
record RecordJavadoc(String summary, Map<String, String> params) {

    static final Path SOURCES = Path.of("src/main/java/io/orderflow/events");

    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\S+)\\s+(.*?)(?=@param|$)", Pattern.DOTALL);
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^@\\w");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain)\\s+([^}]*)}");

    static RecordJavadoc of(Class<?> type) {
        String source = read(SOURCES.resolve(type.getSimpleName() + ".java"));
        int declaration = source.indexOf("public record " + type.getSimpleName());
        int start = source.lastIndexOf("/**", declaration);
        if (declaration < 0 || start < 0) {
            throw new IllegalStateException("no Javadoc on record " + type.getName());
        }
        String comment =
                source.substring(start + 3, source.indexOf("*/", start)).replaceAll("(?m)^\\s*\\* ?", "");
        Matcher tag = BLOCK_TAG.matcher(comment);
        int firstTag = tag.find() ? tag.start() : -1;
        String summary = clean(firstTag < 0 ? comment : comment.substring(0, firstTag));
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = PARAM.matcher(firstTag < 0 ? "" : comment.substring(firstTag));
        while (matcher.find()) {
            params.put(matcher.group(1), clean(matcher.group(2)));
        }
        return new RecordJavadoc(summary, params);
    }

    String param(String component) {
        String text = params.get(component);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("no @param Javadoc for component '" + component + "'");
        }
        return text;
    }

    private static String clean(String text) {
        return INLINE_TAG.matcher(text).replaceAll("$1").replaceAll("\\s+", " ").strip();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
