package io.orderflow.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.simulator.SimulatorProperties;
import io.orderflow.simulator.crypto.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without configured keys, the simulator generates them once and writes the public key for clients. */
class KeyRingFactoryUnitTests {

    @TempDir
    Path directory;

    @Test
    void generatesWritesAndReusesTheWechatPayKey() throws Exception {
        var properties = new SimulatorProperties();
        properties.setKeyDirectory(directory.toString());
        KeyRing first = KeyRingFactory.create(properties);
        String written = Files.readString(directory.resolve("wechatpay_public_key.pem"));
        assertThat(Pem.publicKey(written)).isEqualTo(first.primary().publicKey());
        assertThat(first.primary().publicKeyId()).startsWith("PUB_KEY_ID_");
        KeyRing second = KeyRingFactory.create(properties);
        assertThat(second.primary().publicKey()).isEqualTo(first.primary().publicKey());
        assertThat(second.merchant(KeyRingFactory.DEFAULT_MCHID).orElseThrow().serialNo())
                .isEqualTo(first.merchant(KeyRingFactory.DEFAULT_MCHID)
                        .orElseThrow()
                        .serialNo());
    }

    @Test
    void findsKeysByPublicKeyIdOrCertificateSerial() {
        var properties = new SimulatorProperties();
        properties.setKeyDirectory(directory.toString());
        var key = new io.orderflow.simulator.WechatPayKeyProperties();
        key.setPrivateKey("classpath:keys/wechat_pay_private_key.pem");
        key.setCertificate("classpath:keys/wechat_pay_certificate.pem");
        key.setPublicKeyId("PUB_KEY_ID_1");
        properties.getWechatPayKeys().add(key);
        KeyRing ring = KeyRingFactory.create(properties);
        assertThat(ring.keyFor("PUB_KEY_ID_1")).isPresent();
        assertThat(ring.keyFor("440024045C4A427599D09BB4E3DE0279F2E813FD")).isPresent();
        assertThat(ring.keyFor("PUB_KEY_ID_2")).isEmpty();
    }
}
