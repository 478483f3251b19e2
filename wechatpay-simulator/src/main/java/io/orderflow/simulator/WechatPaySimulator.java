package io.orderflow.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;

/**
 * Starts a simulator inside the calling JVM, typically from another module's tests:
 * {@code try (var sim = WechatPaySimulator.start(SimulatorSettings.defaults().timeScale(0.001))) {...}}.
 */
public final class WechatPaySimulator {

    /** The simulator's own config file name; it also tells {@link JettyForTheSimulatorOnly} which context is the simulator. */
    static final String CONFIG_NAME = "wechatpay-simulator";

    /**
     * Properties every simulator runs with. Its own config file name keeps an embedding module's
     * application.yml out of the simulator's environment.
     */
    static final Map<String, Object> BASE_PROPERTIES = Map.of(
            "spring.config.name", CONFIG_NAME,
            "spring.main.banner-mode", "off",
            "server.shutdown", "immediate");

    private WechatPaySimulator() {}

    public static RunningSimulator start(SimulatorSettings settings) {
        Map<String, String> properties = new HashMap<>(settings.properties());
        Path temporary = properties.containsKey("simulator.key-directory") ? null : temporaryKeyDirectory();
        if (temporary != null) {
            properties.put("simulator.key-directory", temporary.toString());
        }
        SpringApplication application = new SpringApplication(SimulatorApplication.class);
        application.setDefaultProperties(BASE_PROPERTIES);
        // command-line arguments outrank any config file the classpath may hold
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningSimulator(application.run(args), temporary);
    }

    private static Path temporaryKeyDirectory() {
        try {
            return Files.createTempDirectory("wechatpay-simulator");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
