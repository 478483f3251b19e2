package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every container is probed on the service's real port, bounded, pinned and locked down. */
class WorkloadsUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thereIsOneDeploymentPerService(String overlay) {
        assertThat(Rendered.of(overlay).deployments())
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesUseTheHealthGroupsPathsOnTheServicesPortAndActuatorHasItsOwnPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (ServiceSettings settings : ServiceSettings.all()) {
            String name = settings.service();
            assertThat(settings.probesEnabled())
                    .as("%s enables the health probe groups", name)
                    .isTrue();
            assertThat(settings.probePathsOnServerPort())
                    .as("%s serves /livez and /readyz on its port", name)
                    .isTrue();
            assertThat(settings.managementPort())
                    .as("%s sets management.server.port", name)
                    .isNotNull();
            Container app = app(rendered.deployment(name));
            int port = settings.port(env(app));
            int management = settings.managementPort(env(app));
            assertThat(management).as("%s management port", name).isNotEqualTo(port);
            assertThat(app.getPorts())
                    .as("%s container ports", name)
                    .anyMatch(p -> p.getContainerPort() == port && "http".equals(p.getName()))
                    .anyMatch(p -> p.getContainerPort() == management && "management".equals(p.getName()));
            probe(app, app.getStartupProbe(), "/livez", port, "startup");
            probe(app, app.getLivenessProbe(), "/livez", port, "liveness");
            probe(app, app.getReadinessProbe(), "/readyz", port, "readiness");
        }
    }

    /**
     * A pod is seen started within a second of its start, measured by {@code ./orderflow-local pod-start} (the
     * image's own training run and entry point, docs/performance.md "Footprint"): 5.1-8.5 s on two cores, 8.7-12.6 s
     * on one. So the CPU limit lets start-up use two cores, the startup probe waits no longer than the fastest start
     * and then asks every second, still giving a slow node minutes, and readiness follows within two seconds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsAreProbedFromTheMeasuredStartAndMayStartOnTwoCores(String overlay) {
        for (Deployment deployment : Rendered.of(overlay).deployments()) {
            String name = deployment.getMetadata().getName();
            Container app = app(deployment);
            Probe startup = app.getStartupProbe();
            int delay = startup.getInitialDelaySeconds() == null ? 0 : startup.getInitialDelaySeconds();
            assertThat(delay)
                    .as("%s startup probe's initial delay (fastest measured start 5.1 s)", name)
                    .isLessThanOrEqualTo(5);
            assertThat(startup.getPeriodSeconds())
                    .as("%s startup probe's period", name)
                    .isEqualTo(1);
            assertThat(delay + startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("%s startup probe's whole window (a slow node)", name)
                    .isGreaterThanOrEqualTo(120);
            assertThat(app.getReadinessProbe().getPeriodSeconds())
                    .as("%s readiness probe's period", name)
                    .isLessThanOrEqualTo(2);
            assertThat(app.getResources().getLimits().get("cpu").getNumericalAmount())
                    .as("%s CPU limit (start-up is CPU-bound)", name)
                    .isGreaterThanOrEqualTo(new BigDecimal(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasRequestsLimitsAndALockedDownSecurityContext(String overlay) {
        for (Deployment deployment : Rendered.of(overlay).deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String name = deployment.getMetadata().getName();
            assertThat(pod.getSecurityContext().getRunAsNonRoot())
                    .as("%s pod runAsNonRoot", name)
                    .isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser())
                    .as("%s pod runAsUser", name)
                    .isNotNull()
                    .isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType())
                    .as(name)
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken())
                    .as("%s mounts no API token", name)
                    .isFalse();
            for (Container c : Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                    .toList()) {
                String where = name + "/" + c.getName();
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(c.getResources().getRequests())
                            .as("%s requests", where)
                            .containsKey(resource);
                    assertThat(c.getResources().getLimits())
                            .as("%s limits", where)
                            .containsKey(resource);
                }
                SecurityContext sc = c.getSecurityContext();
                assertThat(sc).as("%s securityContext", where).isNotNull();
                assertThat(sc.getAllowPrivilegeEscalation())
                        .as("%s allowPrivilegeEscalation", where)
                        .isFalse();
                assertThat(sc.getReadOnlyRootFilesystem())
                        .as("%s readOnlyRootFilesystem", where)
                        .isTrue();
                assertThat(sc.getRunAsNonRoot()).as("%s runAsNonRoot", where).isTrue();
                assertThat(sc.getPrivileged()).as("%s privileged", where).isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities().getDrop()).as("%s drops", where).contains("ALL");
                assertThat(sc.getCapabilities().getAdd())
                        .as("%s adds no capability", where)
                        .isEmpty();
                assertThat(c.getVolumeMounts())
                        .as("%s has a writable /tmp", where)
                        .anyMatch(m -> "/tmp".equals(m.getMountPath()) && isEmptyDir(pod, m.getName()));
                assertThat(Images.problem(c.getImage()))
                        .as("%s image %s", where, c.getImage())
                        .isNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void datasourceAndBrokerComeFromTheEnvironmentAndCredentialsFromSecrets(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (ServiceSettings settings : ServiceSettings.all()) {
            Container app = app(rendered.deployment(settings.service()));
            Map<String, EnvVar> env = app.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
            String where = settings.service();
            assertThat(env)
                    .as("%s env", where)
                    .containsKeys(
                            "ORDERFLOW_KAFKA_BOOTSTRAP",
                            settings.datasource().get("url").variable());
            for (String credential : List.of("username", "password")) {
                EnvVar var = env.get(settings.datasource().get(credential).variable());
                assertThat(var)
                        .as(
                                "%s sets %s",
                                where, settings.datasource().get(credential).variable())
                        .isNotNull();
                assertThat(var.getValueFrom().getSecretKeyRef().getName())
                        .as("%s %s Secret", where, credential)
                        .isNotBlank();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theDatabasePasswordHasNoDefaultOutsideTheLocalProfile() {
        for (ServiceSettings settings : ServiceSettings.all()) {
            ServiceSettings.Placeholder password = settings.datasource().get("password");
            assertThat(password.variable())
                    .as("%s reads its password from the environment", settings.service())
                    .isEqualTo("ORDERFLOW_"
                            + settings.service().replace("-service", "").toUpperCase() + "_DB_PASSWORD");
            assertThat(password.defaultValue())
                    .as("%s application.yml password default", settings.service())
                    .isEmpty();
            assertThat(settings.localPassword())
                    .as("%s application-local.yml keeps a development default", settings.service())
                    .isNotNull()
                    .satisfies(local -> assertThat(local.variable()).isEqualTo(password.variable()))
                    .satisfies(local -> assertThat(local.defaultValue()).isNotEmpty());
        }
    }

    static Container app(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> name.equals(c.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no container named " + name));
    }

    static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static void probe(Container c, Probe probe, String path, int port, String kind) {
        String where = c.getName() + " " + kind + " probe";
        assertThat(probe).as(where).isNotNull();
        assertThat(probe.getHttpGet()).as(where + " is an HTTP GET").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(where + " path").isEqualTo(path);
        Object target = probe.getHttpGet().getPort().getValue();
        int resolved = target instanceof Integer number
                ? number
                : c.getPorts().stream()
                        .filter(p -> Objects.equals(p.getName(), target))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(where + ": no container port named " + target))
                        .getContainerPort();
        assertThat(resolved).as(where + " port").isEqualTo(port);
    }

    private static boolean isEmptyDir(PodSpec pod, String volume) {
        return pod.getVolumes().stream()
                .filter(v -> volume.equals(v.getName()))
                .map(Volume::getEmptyDir)
                .anyMatch(Objects::nonNull);
    }
}
