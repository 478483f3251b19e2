package io.orderflow.simulator;

import io.orderflow.simulator.keys.KeyRing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the simulator which public key ids and merchants it serves and where
 * generated keys are kept. Only public facts: keys and APIv3 keys are never logged.
 */
@Component
class StartupReport {

    private static final Log log = LogFactory.getLog(StartupReport.class);

    private final KeyRing keys;

    private final SimulatorProperties properties;

    StartupReport(KeyRing keys, SimulatorProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        keys.wechatPayKeys()
                .forEach(key -> log.info("WeChat Pay key " + key.publicKeyId()
                        + (key.certificateSerial() == null ? "" : " / certificate " + key.certificateSerial())));
        keys.merchants()
                .forEach(merchant -> log.info("Merchant " + merchant.mchid() + " appids " + merchant.appids()
                        + " serial " + merchant.serialNo()));
        log.info("Generated keys are kept in " + properties.getKeyDirectory() + "; time scale "
                + properties.getTimeScale());
    }
}
