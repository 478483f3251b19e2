package io.orderflow.deploy;

import com.zaxxer.hikari.metrics.PoolStats;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus series names the services export. orderflow's own meters are found in the
 * source of the deployed modules (builders and {@code registry.counter(…)} calls, with their
 * base units) and registered, like the standard binders Boot and resilience4j install, in a
 * real {@link PrometheusMeterRegistry}: the names are then what Micrometer prints, not a guess.
 */
final class ExportedMetrics {

    /** Modules whose code runs in the deployed services. */
    static final List<String> MODULES =
            List.of("platform", "order-service", "payment-service", "notify-service", "reconcile-service");

    /** Series from outside the services: Prometheus itself and Strimzi's Kafka Exporter. */
    static final Set<String> EXTERNAL = Set.of("up", "kafka_consumergroup_lag", "kafka_topic_partition_current_offset");

    private static final Pattern BUILDER =
            Pattern.compile("(Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\\s*(\"[^\"]+\"|[A-Z_]+)([^;]*);");
    private static final Pattern SHORTHAND =
            Pattern.compile("\\.(counter|timer|summary|gauge)\\(\\s*(\"[^\"]+\"|[A-Z_]+)\\s*[,)]");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([^\"]+)\"");

    private ExportedMetrics() {}

    /** The series names of orderflow's own meters (orderflow_*). */
    static Set<String> orderflow() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (String module : MODULES) {
            for (Path file : Repository.files(Repository.root().resolve(module).resolve("src/main/java"), ".java")) {
                register(Repository.read(file), registry);
            }
        }
        return names(registry);
    }

    /** Series that Boot, Micrometer's binders, HikariCP and resilience4j export in every service. */
    static Set<String> standard() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Spring MVC's observation, as Boot exports it (no histogram buckets unless configured)
        Timer.builder("http.server.requests").register(registry).record(java.time.Duration.ofMillis(1));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        try (JvmGcMetrics gc = new JvmGcMetrics()) {
            gc.bindTo(registry);
            // the GC pause timer is registered at the first pause; its series are a Timer's
            Set<String> names = new TreeSet<>(
                    List.of("jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max"));
            new MicrometerMetricsTrackerFactory(registry).create("orderflow", new PoolStats(1_000) {
                @Override
                protected void update() {}
            });
            CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
            breakers.circuitBreaker("wechatpay-1900000001");
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
            names.addAll(names(registry));
            return names;
        }
    }

    static Set<String> names(PrometheusMeterRegistry registry) {
        Set<String> names = new TreeSet<>();
        registry.scrape()
                .lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static void register(String source, MeterRegistry registry) {
        Matcher builder = BUILDER.matcher(source);
        while (builder.find()) {
            String name = resolve(builder.group(2), source);
            Matcher unit = BASE_UNIT.matcher(builder.group(3));
            String baseUnit = unit.find() ? unit.group(1) : null;
            switch (builder.group(1)) {
                case "Counter" -> Counter.builder(name).baseUnit(baseUnit).register(registry);
                case "Gauge" -> Gauge.builder(name, () -> 0).baseUnit(baseUnit).register(registry);
                case "Timer" -> Timer.builder(name).register(registry);
                default -> DistributionSummary.builder(name).baseUnit(baseUnit).register(registry);
            }
        }
        Matcher shorthand = SHORTHAND.matcher(source);
        while (shorthand.find()) {
            String name = resolve(shorthand.group(2), source);
            switch (shorthand.group(1)) {
                case "counter" -> registry.counter(name);
                case "timer" -> registry.timer(name);
                case "summary" -> registry.summary(name);
                default -> Gauge.builder(name, () -> 0).register(registry);
            }
        }
    }

    /** A string literal, or a constant declared in the same file. */
    private static String resolve(String literalOrConstant, String source) {
        if (literalOrConstant.startsWith("\"")) {
            return literalOrConstant.substring(1, literalOrConstant.length() - 1);
        }
        Matcher constant = Pattern.compile("\\b" + literalOrConstant + "\\s*=\\s*\"([^\"]+)\"")
                .matcher(source);
        if (!constant.find()) {
            throw new IllegalStateException("cannot resolve meter name constant " + literalOrConstant);
        }
        return constant.group(1);
    }
}
