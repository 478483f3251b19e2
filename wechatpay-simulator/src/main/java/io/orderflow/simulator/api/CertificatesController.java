package io.orderflow.simulator.api;

import io.orderflow.simulator.crypto.AesGcm;
import io.orderflow.simulator.crypto.Nonces;
import io.orderflow.simulator.crypto.Pem;
import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.keys.WechatPayKey;
import io.orderflow.simulator.ledger.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform certificate download for clients in certificate mode: every configured WeChat Pay key
 * that has a certificate, the PEM encrypted under the caller's APIv3 key.
 */
@RestController
class CertificatesController {

    private final KeyRing keys;

    CertificatesController(KeyRing keys) {
        this.keys = keys;
    }

    @GetMapping("/v3/certificates")
    Map<String, Object> certificates(@RequestAttribute(ApiExchangeFilter.MCHID) String mchid) {
        String apiV3Key = keys.merchant(mchid).orElseThrow().apiV3Key();
        List<Map<String, Object>> data = keys.wechatPayKeys().stream()
                .filter(key -> key.certificate() != null)
                .map(key -> entry(key, apiV3Key))
                .toList();
        return Map.of("data", data);
    }

    private static Map<String, Object> entry(WechatPayKey key, String apiV3Key) {
        String nonce = Nonces.alphanumeric(12);
        Map<String, Object> encrypted = new LinkedHashMap<>();
        encrypted.put("algorithm", "AEAD_AES_256_GCM");
        encrypted.put("nonce", nonce);
        encrypted.put("associated_data", "certificate");
        encrypted.put("ciphertext", AesGcm.encrypt(apiV3Key, nonce, "certificate", Pem.encode(key.certificate())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("serial_no", key.certificateSerial());
        out.put("effective_time", Ids.rfc3339(key.certificate().getNotBefore().toInstant()));
        out.put("expire_time", Ids.rfc3339(key.certificate().getNotAfter().toInstant()));
        out.put("encrypt_certificate", encrypted);
        return out;
    }
}
