package io.orderflow.local.stack;

import io.orderflow.local.sign.ShopCredentials;
import io.orderflow.process.ServiceProcess;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the launcher prints once everything is up: where each part listens, start-up time and memory. */
final class StartupReport {

    /** What a service offers besides its events, for the report's lines. */
    private static final Map<String, String> API = Map.of(
            "order-service",
            "   (shop API; docs/openapi.yaml)",
            "reconcile-service",
            "   (operator API /reconcile/v1/...)");

    private final StackSettings settings;
    private final Ports ports;
    private final Infrastructure infrastructure;
    private final Services services;
    private final ShopCredentials credentials;

    StartupReport(
            StackSettings settings,
            Ports ports,
            Infrastructure infrastructure,
            Services services,
            ShopCredentials credentials) {
        this.settings = settings;
        this.ports = ports;
        this.infrastructure = infrastructure;
        this.services = services;
        this.credentials = credentials;
    }

    void print(PrintStream out, Duration startup) {
        String shop = "http://127.0.0.1:" + ports.of("shop");
        out.println();
        out.println("orderflow local stack is up after " + RunningStack.seconds(startup)
                + " (from JVM start to every part ready)");
        out.println();
        line(out, "demo shop checkout", shop + "/");
        line(out, "order timelines", shop + "/timeline.html");
        for (ServiceProcess service : services.all()) {
            line(
                    out,
                    service.name(),
                    service.baseUrl() + "   actuator " + service.managementUrl() + "/actuator"
                            + API.getOrDefault(service.name(), ""));
        }
        if (settings.usesSimulator()) {
            line(out, "WeChat Pay simulator", infrastructure.simulator.baseUrl() + "   (control API /sim/v1/...)");
        } else {
            line(out, "WeChat Pay", "real, from " + settings.wechatPayConfig());
        }
        line(out, "Kafka", infrastructure.kafkaBootstrap + (infrastructure.kafka == null ? "   (external)" : ""));
        line(
                out,
                "PostgreSQL",
                infrastructure.postgres.address()
                        + (infrastructure.postgres.isEmbedded()
                                ? "   (user postgres, password postgres; databases orderflow_order|payment|notify|reconcile)"
                                : "   (external)"));
        out.println();
        out.println("shop API credentials (for ./orderflow-local sign): " + settings.credentialsFile() + "  shop_id "
                + credentials.shopId());
        // the well-known development token is printed; one of the user's own (ORDERFLOW_ADMIN_TOKEN) never is
        out.println("admin and operator token (order-service /admin/v1, reconcile-service /reconcile/v1): "
                + (System.getenv("ORDERFLOW_ADMIN_TOKEN") == null
                        ? "Authorization: Bearer " + ShopRegistration.ADMIN_TOKEN
                        : "the one in ORDERFLOW_ADMIN_TOKEN"));
        out.println("logs: " + settings.logDirectory());
        printMemory(out);
        out.println();
        out.println("Press Ctrl-C to stop everything.");
        out.flush();
    }

    private void printMemory(PrintStream out) {
        if (!Footprint.supported()) {
            return;
        }
        Map<String, List<ProcessHandle>> parts = new LinkedHashMap<>();
        parts.put("launcher JVM (Kafka, simulator, shop)", List.of(ProcessHandle.current()));
        if (infrastructure.postgres.isEmbedded()) {
            parts.put("PostgreSQL", infrastructure.postgres.processes());
        }
        services.all().forEach(service -> parts.put(service.name(), service.processes()));
        out.println();
        out.println("memory (Linux /proc; RSS counts shared pages once per process, PSS shares them out):");
        Set<Long> pids = new LinkedHashSet<>();
        List<ProcessHandle> everything = new ArrayList<>();
        parts.forEach((name, handles) -> {
            out.printf("  %-38s %s%n", name, Footprint.of(handles));
            handles.stream().filter(handle -> pids.add(handle.pid())).forEach(everything::add);
        });
        out.printf("  %-38s %s%n", "total", Footprint.of(everything));
        out.println("processes: "
                + String.join(" ", pids.stream().map(String::valueOf).toList()));
    }

    private static void line(PrintStream out, String name, String where) {
        out.printf("  %-22s %s%n", name, where);
    }
}
