package io.orderflow.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.MimeTypeUtils;

/**
 * CloudEvents 1.0 in Kafka binary mode: attributes as {@code ce_*} headers (built and read
 * with Spring Cloud Function's CloudEvents support), the JSON event as the record value,
 * and the order id as the record key.
 */
public final class CloudEventEnvelope {

    public static final String PREFIX = CloudEventMessageUtils.KAFKA_ATTR_PREFIX;
    public static final String ID = PREFIX + "id";
    public static final String TYPE = PREFIX + "type";
    public static final String SOURCE = PREFIX + "source";
    public static final String SUBJECT = PREFIX + "subject";
    public static final String TIME = PREFIX + "time";

    private CloudEventEnvelope() {}

    /** The attributes of one event as it travels. */
    public record Attributes(String id, String type, String source, String subject, Instant time) {}

    /**
     * The Kafka headers of an event in binary mode, in the order they are written: the CloudEvents attributes
     * ({@code ce_specversion}, {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject},
     * {@code ce_time}, {@code ce_datacontenttype}) under the attribute names of Spring Cloud Function's CloudEvents
     * support, and {@code contentType} for Spring consumers. Values are UTF-8 text on the wire.
     */
    public static Map<String, String> headers(Attributes attributes) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(PREFIX + "specversion", "1.0");
        headers.put(ID, attributes.id());
        headers.put(TYPE, attributes.type());
        headers.put(SOURCE, attributes.source());
        headers.put(SUBJECT, attributes.subject());
        headers.put(TIME, attributes.time().toString());
        headers.put(PREFIX + "datacontenttype", MimeTypeUtils.APPLICATION_JSON_VALUE);
        headers.put(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE);
        return headers;
    }

    public static Message<byte[]> wrap(Attributes attributes, String key, byte[] json) {
        return CloudEventMessageBuilder.withData(json)
                .setSpecVersion("1.0")
                .setId(attributes.id())
                .setType(attributes.type())
                .setSource(attributes.source())
                .setSubject(attributes.subject())
                .setTime(attributes.time().toString())
                .setDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
                .build(PREFIX);
    }

    /**
     * Reads the attributes of a received message, whichever prefix the headers arrive with
     * ({@code ce_} from Kafka, {@code ce-} once Spring Cloud Function has canonicalised
     * them) and whether the header mapper left the values as text or as raw bytes (as a
     * producer in another language sends them). A missing id or type is unrecoverable.
     */
    public static Attributes read(Message<?> message) {
        return read(message.getHeaders());
    }

    /** {@link #read(Message)} for one record's headers of a batch. */
    public static Attributes read(Map<String, Object> headers) {
        String id = attribute(headers, "id");
        String type = attribute(headers, "type");
        if (id == null || id.isBlank()) {
            throw new UnknownEventTypeException("(message without " + ID + ")");
        }
        if (type == null || type.isBlank()) {
            throw new UnknownEventTypeException(null);
        }
        String time = attribute(headers, "time");
        return new Attributes(
                id,
                type,
                attribute(headers, "source"),
                attribute(headers, "subject"),
                time == null ? null : parseTime(time));
    }

    /** The {@code ce_id} of a received message, or null. */
    public static String id(Message<?> message) {
        return attribute(message.getHeaders(), "id");
    }

    private static String attribute(Map<String, Object> headers, String name) {
        String value = text(headers, PREFIX + name);
        return value != null ? value : text(headers, CloudEventMessageUtils.DEFAULT_ATTR_PREFIX + name);
    }

    private static Instant parseTime(String time) {
        try {
            return java.time.OffsetDateTime.parse(time).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("(ce_time '" + time + "')", e);
        }
    }

    /** A header as text, whether the header mapper left it as a String or as raw bytes. */
    static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
