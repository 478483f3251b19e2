package io.orderflow.simulator.support;

import io.orderflow.simulator.crypto.AesGcm;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a received callback as its merchant would: the resource decrypted, and the field names in their order. */
public final class CallbackJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CallbackJson() {}

    /** The callback's {@code resource}, decrypted with the merchant's APIv3 key and read as sent. */
    public static JsonNode decrypted(CallbackReceiver.Received callback, String apiV3Key) {
        JsonNode resource = JSON.readTree(callback.body()).get("resource");
        return JSON.readTree(AesGcm.decrypt(
                apiV3Key,
                resource.get("nonce").asString(),
                resource.get("associated_data").asString(),
                resource.get("ciphertext").asString()));
    }

    /** The object's field names, in the order they were written. */
    public static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
