package io.orderflow.notify.callback;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outer fields of a verified callback body, which the SDK does not return: WeChat's
 * notification id (the deduplication key) and event type. Read only after verification.
 */
record Envelope(String id, String eventType) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Envelope of(String verifiedBody) {
        try {
            JsonNode node = JSON.readTree(verifiedBody);
            String id = node.path("id").asString("");
            if (id.isBlank()) {
                throw new CallbackRejected("MALFORMED", "callback without a notification id");
            }
            return new Envelope(id, node.path("event_type").asString(""));
        } catch (JacksonException e) {
            throw new CallbackRejected("MALFORMED", "callback body is not JSON", e);
        }
    }
}
