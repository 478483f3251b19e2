package io.orderflow.simulator.support;

import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.SimulatorSettings;
import io.orderflow.simulator.WechatPaySimulator;
import java.util.List;

/**
 * One simulator for the whole test JVM (a cold context costs seconds on two cores), configured
 * with the SDK's public test keys, a second WeChat Pay key for rotation, and a generated merchant.
 */
public final class SharedSimulator {

    public static final String MCHID = "1234567891";

    public static final String APPID = "wx2421b1c4370ec43b";

    public static final String MERCHANT_SERIAL = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115";

    public static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

    public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0114232134912410000000000000000000";

    public static final String PUBLIC_KEY_ID_2 = "PUB_KEY_ID_0114232134912410000000000000000002";

    public static final String CERTIFICATE_SERIAL = "440024045C4A427599D09BB4E3DE0279F2E813FD";

    /** The generated merchant; fault tests use it so their rules never touch other tests' traffic. */
    public static final String FAULT_MCHID = "1900000002";

    public static final String FAULT_APPID = "wx00000000000000b2";

    /** A generated merchant still in platform-certificate mode: its notifications carry the certificate serial. */
    public static final String CERT_MCHID = "1900000003";

    public static final String CERT_APPID = "wx00000000000000c3";

    /** A generated merchant in platform-certificate mode for the SDK conformance tests alone (the SDK's certificate
     * registry takes each merchant id once per JVM). */
    public static final String CONFORMANCE_MCHID = "1900000004";

    public static final String CONFORMANCE_APPID = "wx00000000000000d4";

    private static RunningSimulator simulator;

    private SharedSimulator() {}

    public static synchronized RunningSimulator get() {
        if (simulator == null) {
            simulator = WechatPaySimulator.start(SimulatorSettings.defaults()
                    .timeScale(0.001)
                    .property("simulator.callback-timeout", "1s")
                    .wechatPayKey(
                            "classpath:keys/wechat_pay_private_key.pem",
                            PUBLIC_KEY_ID,
                            "classpath:keys/wechat_pay_certificate.pem")
                    .wechatPayKey("classpath:keys/wechat_pay_private_key_2.pem", PUBLIC_KEY_ID_2, null)
                    .merchant(
                            MCHID,
                            List.of(APPID),
                            MERCHANT_SERIAL,
                            "classpath:keys/merchant_public_key.pem",
                            API_V3_KEY)
                    .merchant(FAULT_MCHID, FAULT_APPID, "b2cde1ZJB1kG2e7VfTs3jQzaWizur8Gb")
                    .merchant(CERT_MCHID, CERT_APPID, "c3cde1ZJB1kG2e7VfTs3jQzaWizur8Gb")
                    .property("simulator.merchants[2].notification-serial", "CERTIFICATE")
                    .merchant(CONFORMANCE_MCHID, CONFORMANCE_APPID, "d4cde1ZJB1kG2e7VfTs3jQzaWizur8Gb")
                    .property("simulator.merchants[3].notification-serial", "CERTIFICATE"));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        }
        return simulator;
    }
}
