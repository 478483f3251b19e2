package io.orderflow.local.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the launcher was asked for: {@code --name=value} arguments, else {@code ORDERFLOW_LOCAL_NAME} environment
 * variables, else defaults. A {@code null} external address means "start our own".
 *
 * @param repository checkout holding {@code <service>/target/<service>.jar}
 * @param workDirectory logs and the current demo shop credentials
 * @param dataDirectory where PostgreSQL and Kafka keep data between runs; null: a temporary directory
 * @param randomPorts every port not given explicitly is a free one (tests, or a busy machine)
 * @param postgresUrl an external PostgreSQL (administrative JDBC URL, user/password parameters), or null
 * @param kafkaBootstrap an external Kafka cluster, or null
 * @param wechatPayConfig a properties file with real {@code orderflow.wechatpay.*} settings, or null: simulator
 * @param orderExpireIn how long the demo shop's orders stay payable
 * @param simulatorTimeScale the simulator's time scale (callback retries, refund processing)
 */
public record StackSettings(
        Path repository,
        Path workDirectory,
        Path dataDirectory,
        boolean randomPorts,
        Map<String, Integer> ports,
        String postgresUrl,
        String kafkaBootstrap,
        Path wechatPayConfig,
        Duration orderExpireIn,
        double simulatorTimeScale) {

    /**
     * Ports of the fixed layout, used unless {@code --random-ports} or {@code --<name>-port=N}; each service's
     * actuator answers on its own management port ({@code <service>-management}, ADR 0015).
     */
    static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(
            Map.entry("shop", 8080),
            Map.entry("order", 8081),
            Map.entry("payment", 8082),
            Map.entry("notify", 8083),
            Map.entry("reconcile", 8084),
            Map.entry("order-management", 9081),
            Map.entry("payment-management", 9082),
            Map.entry("notify-management", 9083),
            Map.entry("reconcile-management", 9084),
            Map.entry("simulator", 8099),
            Map.entry("kafka", 9092),
            Map.entry("kafka-controller", 9093),
            Map.entry("postgres", 15432));

    public static StackSettings parse(String[] args, Map<String, String> environment, Path repository) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (options are --name=value)");
            }
            String[] parts = arg.substring(2).split("=", 2);
            options.put(parts[0], parts.length == 2 ? parts[1] : "true");
        }
        Function<String, String> option = name -> options.getOrDefault(
                name,
                environment.get(
                        "ORDERFLOW_LOCAL_" + name.toUpperCase(Locale.ROOT).replace('-', '_')));
        Map<String, Integer> ports = new HashMap<>();
        DEFAULT_PORTS.keySet().forEach(name -> {
            String value = option.apply(name + "-port");
            if (value != null) {
                ports.put(name, Integer.parseInt(value));
            }
        });
        Path data = null;
        if (option.apply("data-dir") != null) {
            data = Path.of(option.apply("data-dir"));
        } else if (Boolean.parseBoolean(option.apply("keep-data"))) {
            data = repository.resolve(".data").resolve("local");
        }
        String work = option.apply("work-dir");
        String config = option.apply("wechatpay-config");
        if (config != null && !Files.isRegularFile(Path.of(config))) {
            throw new IllegalArgumentException("--wechatpay-config: no file " + config);
        }
        String expire = option.apply("order-expire-in");
        String scale = option.apply("simulator-time-scale");
        return new StackSettings(
                repository,
                (work == null ? repository.resolve("local").resolve("target").resolve("run") : Path.of(work))
                        .toAbsolutePath(),
                data == null ? null : data.toAbsolutePath(),
                Boolean.parseBoolean(option.apply("random-ports")),
                Map.copyOf(ports),
                option.apply("postgres-url"),
                option.apply("kafka-bootstrap"),
                config == null ? null : Path.of(config).toAbsolutePath(),
                expire == null ? Duration.ofSeconds(90) : Duration.ofSeconds(seconds(expire)),
                scale == null ? 1.0 : Double.parseDouble(scale));
    }

    /** Accepts {@code 90}, {@code 90s} or {@code 2m}. */
    private static long seconds(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("m")) {
            return Long.parseLong(value.substring(0, value.length() - 1)) * 60;
        }
        return Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
    }

    public boolean keepsData() {
        return dataDirectory != null;
    }

    public boolean usesSimulator() {
        return wechatPayConfig == null;
    }

    public Path credentialsFile() {
        return workDirectory.resolve("shop.properties");
    }

    /** Without the external PostgreSQL URL's parameters: they carry its password. */
    @Override
    public String toString() {
        return "StackSettings[repository=" + repository + ", work=" + workDirectory + ", data=" + dataDirectory
                + ", randomPorts=" + randomPorts + ", ports=" + ports + ", postgres="
                + (postgresUrl == null ? "embedded" : postgresUrl.replaceAll("\\?.*", "?…")) + ", kafka="
                + (kafkaBootstrap == null ? "embedded" : kafkaBootstrap) + ", wechatpay="
                + (wechatPayConfig == null ? "simulator" : wechatPayConfig) + ", orderExpireIn=" + orderExpireIn
                + ", simulatorTimeScale=" + simulatorTimeScale + "]";
    }

    public Path logDirectory() {
        return workDirectory.resolve("logs");
    }
}
