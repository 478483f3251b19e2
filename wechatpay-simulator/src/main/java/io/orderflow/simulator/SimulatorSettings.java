package io.orderflow.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings for an embedded simulator, a typed front for the {@code simulator.*} properties.
 * Defaults: a random port, real time (scale 1.0), keys generated in a fresh temporary directory.
 */
public final class SimulatorSettings {

    private final Map<String, String> properties = new LinkedHashMap<>();

    private int merchants;

    private int keys;

    private SimulatorSettings() {
        properties.put("server.port", "0");
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings();
    }

    public SimulatorSettings port(int port) {
        return property("server.port", String.valueOf(port));
    }

    /** 0.001 turns WeChat's 15 s callback retry into 15 ms. */
    public SimulatorSettings timeScale(double scale) {
        return property("simulator.time-scale", String.valueOf(scale));
    }

    /** A merchant whose key pair the simulator generates; read it back with {@link RunningSimulator#merchant}. */
    public SimulatorSettings merchant(String mchid, String appid, String apiV3Key) {
        String prefix = "simulator.merchants[" + merchants++ + "].";
        property(prefix + "mchid", mchid);
        property(prefix + "appids[0]", appid);
        return property(prefix + "api-v3-key", apiV3Key);
    }

    /**
     * A merchant with its own key: {@code publicKeyLocation} is an SPKI PEM path or
     * {@code classpath:} location of the merchant's API public key, {@code serialNo} its certificate serial.
     */
    public SimulatorSettings merchant(
            String mchid, List<String> appids, String serialNo, String publicKeyLocation, String apiV3Key) {
        String prefix = "simulator.merchants[" + merchants++ + "].";
        property(prefix + "mchid", mchid);
        for (int i = 0; i < appids.size(); i++) {
            property(prefix + "appids[" + i + "]", appids.get(i));
        }
        property(prefix + "serial-no", serialNo);
        property(prefix + "public-key", publicKeyLocation);
        return property(prefix + "api-v3-key", apiV3Key);
    }

    /** A WeChat Pay key; the first one added signs notifications. {@code certificateLocation} may be null. */
    public SimulatorSettings wechatPayKey(String privateKeyLocation, String publicKeyId, String certificateLocation) {
        String prefix = "simulator.wechat-pay-keys[" + keys++ + "].";
        property(prefix + "private-key", privateKeyLocation);
        property(prefix + "public-key-id", publicKeyId);
        return certificateLocation == null ? this : property(prefix + "certificate", certificateLocation);
    }

    public SimulatorSettings property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    Map<String, String> properties() {
        return Map.copyOf(properties);
    }
}
