package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What can be reached, from where: Services, the two Ingresses and the NetworkPolicies. */
class ExposureUnitTests {

    /** The public paths and the service that serves each. */
    private static final Map<String, String> PUBLIC =
            Map.of("/v1/orders", "order-service", "/wechatpay/notify", "notify-service");

    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final String MONITORING = "monitoring";
    private static final String MANAGEMENT = "management";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSelectsItsPodsOnTheirHttpPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (String name : Repository.SERVICES) {
            Service service = service(rendered, name);
            Deployment deployment = rendered.deployment(name);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(service.getSpec().getSelector());
            int port = ServiceSettings.of(name).port(WorkloadsUnitTests.env(WorkloadsUnitTests.app(deployment)));
            assertThat(service.getSpec().getPorts())
                    .as("%s ports", name)
                    .singleElement()
                    .satisfies(p -> assertThat(p.getPort()).isEqualTo(port))
                    .satisfies(p -> assertThat(p.getTargetPort().getValue()).isEqualTo("http"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheShopApiAndTheCallbacksAreRoutedOverTls(String overlay) {
        Map<String, String> routed = new HashMap<>();
        for (Ingress ingress : Rendered.of(overlay).ofKind("Ingress", Ingress.class)) {
            List<String> tlsHosts = ingress.getSpec().getTls().stream()
                    .flatMap(t -> t.getHosts().stream())
                    .toList();
            assertThat(ingress.getSpec().getTls())
                    .allSatisfy(t -> assertThat(t.getSecretName()).isNotBlank());
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertThat(tlsHosts).as("TLS for host %s", rule.getHost()).contains(rule.getHost());
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    assertThat(path.getPathType()).isEqualTo("Prefix");
                    assertThat(path.getBackend().getService().getPort().getName())
                            .isEqualTo("http");
                    routed.put(path.getPath(), path.getBackend().getService().getName());
                }
            }
        }
        assertThat(routed).isEqualTo(PUBLIC);
        PUBLIC.forEach((path, service) -> assertThat(sourceMentions(service, "\"" + path))
                .as("%s maps a handler under %s", service, path)
                .isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyThePublicServicesAcceptTheIngressController(String overlay) {
        List<NetworkPolicy> policies = Rendered.of(overlay).ofKind("NetworkPolicy", NetworkPolicy.class);
        assertThat(policies)
                .as("a default deny of ingress")
                .anyMatch(p -> p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                        && p.getSpec().getPolicyTypes().contains("Ingress")
                        && p.getSpec().getIngress().isEmpty());
        List<String> reachable = policies.stream()
                .filter(p -> peers(p).stream().anyMatch(ExposureUnitTests::isIngressController))
                .map(p -> p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .toList();
        assertThat(reachable).containsExactlyInAnyOrderElementsOf(PUBLIC.values());
        assertThat(policies)
                .as("Prometheus may scrape the services")
                .anyMatch(p -> "service"
                                .equals(p.getSpec()
                                        .getPodSelector()
                                        .getMatchLabels()
                                        .get("app.kubernetes.io/component"))
                        && peers(p).stream().anyMatch(peer -> namespace(peer).equals("monitoring")));
    }

    /** The shop API's delivery log: order-service reads notify-service's operator API, and may reach it. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void orderServiceReachesNotifyServicesOperatorApiWithItsToken(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Container order = WorkloadsUnitTests.app(rendered.deployment("order-service"));
        int notifyPort =
                service(rendered, "notify-service").getSpec().getPorts().get(0).getPort();
        assertThat(WorkloadsUnitTests.env(order))
                .containsEntry("ORDERFLOW_WEBHOOKS_LOG_URL", "http://notify-service:" + notifyPort);
        assertThat(order.getEnv())
                .filteredOn(e -> e.getName().equals("ORDERFLOW_WEBHOOKS_LOG_TOKEN"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("orderflow-notify-secrets"))
                .satisfies(e ->
                        assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("admin-token"));
        Container notify = WorkloadsUnitTests.app(rendered.deployment("notify-service"));
        assertThat(notify.getEnv())
                .filteredOn(e -> e.getName().equals("ORDERFLOW_ADMIN_TOKEN"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("orderflow-notify-secrets"));
        assertThat(rendered.ofKind("NetworkPolicy", NetworkPolicy.class)).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", "notify-service");
            assertThat(p.getSpec().getIngress()).anySatisfy(rule -> {
                assertThat(rule.getFrom())
                        .anySatisfy(peer -> assertThat(peer.getPodSelector())
                                .isNotNull()
                                .satisfies(pods -> assertThat(pods.getMatchLabels())
                                        .containsEntry("app.kubernetes.io/name", "order-service")));
                assertThat(ports(rule)).containsExactly("http");
            });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theManagementPortIsOpenOnlyToTheMonitoringNamespaceAndTheHttpPortNotToIt(String overlay) {
        List<NetworkPolicyIngressRule> rules =
                Rendered.of(overlay).ofKind("NetworkPolicy", NetworkPolicy.class).stream()
                        .filter(ExposureUnitTests::selectsServicePods)
                        .flatMap(p -> p.getSpec().getIngress().stream())
                        .toList();
        assertThat(rules)
                .as("rules letting the monitoring namespace reach the services")
                .filteredOn(rule ->
                        rule.getFrom().stream().anyMatch(peer -> namespace(peer).equals(MONITORING)))
                .isNotEmpty()
                .allSatisfy(rule ->
                        assertThat(ports(rule)).as("ports open to monitoring").containsExactly(MANAGEMENT));
        assertThat(rules)
                .filteredOn(
                        rule -> ports(rule).contains(MANAGEMENT) || ports(rule).isEmpty())
                .allSatisfy(rule -> assertThat(rule.getFrom())
                        .as("who reaches the management port")
                        .isNotEmpty()
                        .allSatisfy(peer -> assertThat(namespace(peer)).isEqualTo(MONITORING)));
        assertThat(rules)
                .filteredOn(rule -> rule.getFrom().stream().anyMatch(ExposureUnitTests::isIngressController))
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(ports(rule)).containsExactly("http"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesEveryServiceOnItsManagementPortAndNothingOnTheHttpPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<Map<String, Object>> monitors = rendered.ofKind("PodMonitor").stream()
                .filter(m -> "service".equals(label(m, "app.kubernetes.io/component")))
                .toList();
        assertThat(monitors).as("a PodMonitor selecting the services' pods").hasSize(1);
        assertThat(Rendered.list(monitors.get(0), "spec.podMetricsEndpoints"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e).containsEntry("port", MANAGEMENT).containsEntry("path", "/actuator/prometheus"));
        for (String name : Repository.SERVICES) {
            assertThat(WorkloadsUnitTests.app(rendered.deployment(name)).getPorts())
                    .as("%s ports", name)
                    .anyMatch(port -> MANAGEMENT.equals(port.getName()));
        }
        assertThat(rendered.ofKind("ServiceMonitor"))
                .flatMap(m -> Rendered.list(m, "spec.endpoints"))
                .as("ServiceMonitor endpoints (the Services expose the http port only)")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachDatabaseAcceptsOnlyItsOwnService(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<NetworkPolicy> policies = rendered.ofKind("NetworkPolicy", NetworkPolicy.class);
        assertThat(rendered.ofKind("Cluster")).hasSize(Repository.SERVICES.size());
        for (Map<String, Object> cluster : rendered.ofKind("Cluster")) {
            String name = Rendered.name(cluster);
            String owner = labels(cluster).get("orderflow.io/service");
            List<NetworkPolicy> guarding = policies.stream()
                    .filter(p -> name.equals(
                            p.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster")))
                    .toList();
            assertThat(guarding).as("a NetworkPolicy for database %s", name).isNotEmpty();
            List<LabelSelector> pods = guarding.stream()
                    .flatMap(p -> peers(p).stream())
                    .filter(peer -> peer.getNamespaceSelector() == null)
                    .map(NetworkPolicyPeer::getPodSelector)
                    .toList();
            assertThat(pods)
                    .as("pods allowed into %s", name)
                    .allSatisfy(s -> assertThat(s.getMatchLabels())
                            .satisfiesAnyOf(
                                    l -> assertThat(l).containsEntry("cnpg.io/cluster", name),
                                    l -> assertThat(l)
                                            .isEqualTo(Map.of(
                                                    "app.kubernetes.io/name",
                                                    Objects.requireNonNull(
                                                            owner, name + " has label orderflow.io/service")))));
        }
    }

    private static boolean selectsServicePods(NetworkPolicy policy) {
        Map<String, String> labels = policy.getSpec().getPodSelector().getMatchLabels();
        return labels != null
                && ("service".equals(labels.get("app.kubernetes.io/component"))
                        || labels.containsKey("app.kubernetes.io/name")
                                && Repository.SERVICES.contains(labels.get("app.kubernetes.io/name")));
    }

    /** The ports a rule opens, by name or number; empty means every port. */
    private static List<String> ports(NetworkPolicyIngressRule rule) {
        return rule.getPorts().stream()
                .map(NetworkPolicyPort::getPort)
                .map(port -> String.valueOf(port.getValue()))
                .toList();
    }

    /** The PodMonitor's selector label. */
    private static String label(Map<String, Object> monitor, String name) {
        Object labels = Rendered.at(monitor, "spec.selector.matchLabels");
        return labels instanceof Map<?, ?> map ? (String) map.get(name) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> object) {
        Object labels = Rendered.at(object, "metadata.labels");
        return labels instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static String namespace(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() == null
                ? ""
                : String.valueOf(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
    }

    private static boolean isIngressController(NetworkPolicyPeer peer) {
        return namespace(peer).equals(INGRESS_NAMESPACE);
    }

    private static List<NetworkPolicyPeer> peers(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getFrom().stream())
                .toList();
    }

    private static Service service(Rendered rendered, String name) {
        return rendered.ofKind("Service", Service.class).stream()
                .filter(s -> name.equals(s.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + name));
    }

    private static boolean sourceMentions(String module, String text) {
        Path sources = Repository.root().resolve(module).resolve("src/main/java");
        return Repository.files(sources, ".java").stream()
                .anyMatch(f -> Repository.read(f).contains(text));
    }
}
