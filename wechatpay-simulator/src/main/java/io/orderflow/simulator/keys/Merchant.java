package io.orderflow.simulator.keys;

import java.security.PublicKey;
import java.util.List;

/**
 * A configured direct merchant. {@code privateKeyPem} is only known when the simulator generated
 * the merchant's key itself (for embedding tests); configured merchants keep their private key.
 * {@code certificateNotifications}: notifications carry the platform certificate serial instead of
 * the public key id, for merchants still in platform-certificate mode.
 */
public record Merchant(
        String mchid,
        List<String> appids,
        String serialNo,
        PublicKey publicKey,
        String apiV3Key,
        String privateKeyPem,
        boolean certificateNotifications) {

    public boolean owns(String appid) {
        return appids.contains(appid);
    }
}
