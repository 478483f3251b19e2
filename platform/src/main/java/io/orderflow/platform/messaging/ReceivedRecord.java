package io.orderflow.platform.messaging;

import io.orderflow.platform.tracing.TraceContinuation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * One record of a batch as Spring Cloud Stream's Kafka binder hands it over in batch mode: the payloads as a list,
 * each record's headers as a map in {@link KafkaHeaders#BATCH_CONVERTED_HEADERS}, in the same order.
 *
 * @param index its position in the batch
 * @param headers its Kafka headers (values as the binder's header mapper left them: text or raw bytes)
 * @param payload the record value
 */
record ReceivedRecord(int index, Map<String, Object> headers, byte[] payload) {

    @SuppressWarnings("unchecked")
    static List<ReceivedRecord> of(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<Map<String, Object>> headers =
                converted instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        if (headers.size() != payloads.size()) {
            throw new IllegalStateException("a batch of " + payloads.size() + " records came with headers for "
                    + headers.size() + "; the binding needs the binder's header mapper (batch mode)");
        }
        List<ReceivedRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            records.add(new ReceivedRecord(i, headers.get(i), payloads.get(i)));
        }
        return records;
    }

    /** @throws UnknownEventTypeException when the record lacks ce_id or ce_type */
    CloudEventEnvelope.Attributes attributes() {
        return CloudEventEnvelope.read(headers);
    }

    String traceParent() {
        return CloudEventEnvelope.text(headers, TraceContinuation.HEADER);
    }
}
