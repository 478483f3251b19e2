package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production survives a node drain and scales within the partitions; dev stays small. */
class ProductionUnitTests {

    private final Rendered prod = Rendered.of("prod");

    @Test
    void everyServiceRunsTwiceAtLeastOnDifferentNodes() {
        for (Deployment deployment : prod.deployments()) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getReplicas())
                    .as("%s replicas", name)
                    .isGreaterThanOrEqualTo(2);
            var antiAffinity =
                    deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();
            assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution())
                    .as("%s anti-affinity", name)
                    .anySatisfy(term -> {
                        assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                        assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
                    });
        }
    }

    @Test
    void everyServiceHasADisruptionBudgetThatLetsADrainProceed() {
        List<PodDisruptionBudget> budgets = prod.ofKind("PodDisruptionBudget", PodDisruptionBudget.class);
        for (Deployment deployment : prod.deployments()) {
            String name = deployment.getMetadata().getName();
            PodDisruptionBudget budget = budgets.stream()
                    .filter(b -> b.getSpec()
                            .getSelector()
                            .getMatchLabels()
                            .equals(deployment.getSpec().getSelector().getMatchLabels()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no PodDisruptionBudget selects " + name));
            assertThat(budget.getSpec().getMaxUnavailable())
                    .as("%s maxUnavailable", name)
                    .isNotNull();
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal())
                    .as(name)
                    .isBetween(1, deployment.getSpec().getReplicas() - 1);
        }
    }

    @Test
    void everyServiceScalesBetweenTwoAndItsPartitions() {
        List<HorizontalPodAutoscaler> autoscalers =
                prod.ofKind("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        Map<String, Map<String, Object>> topics = KafkaUnitTests.topics(prod);
        for (ServiceSettings settings : ServiceSettings.all()) {
            HorizontalPodAutoscaler hpa = autoscalers.stream()
                    .filter(h -> settings.service()
                                    .equals(h.getSpec().getScaleTargetRef().getName())
                            && "Deployment"
                                    .equals(h.getSpec().getScaleTargetRef().getKind()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no HPA scales " + settings.service()));
            assertThat(hpa.getSpec().getMinReplicas()).as(settings.service()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas())
                    .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics())
                    .as("%s scales on a metric", settings.service())
                    .isNotEmpty();
            for (ServiceSettings.Binding binding : settings.bindings()) {
                assertThat(hpa.getSpec().getMaxReplicas())
                        .as(
                                "%s: replicas past the partitions of %s stay idle",
                                settings.service(), binding.destination())
                        .isLessThanOrEqualTo(Rendered.number(topics.get(binding.destination()), "spec.partitions"));
            }
        }
    }

    @Test
    void everyDatabaseIsReplicatedAndBackedUp() {
        List<Map<String, Object>> backups = prod.ofKind("ScheduledBackup");
        for (Map<String, Object> cluster : prod.ofKind("Cluster")) {
            String name = Rendered.name(cluster);
            assertThat(Rendered.number(cluster, "spec.instances"))
                    .as("%s instances", name)
                    .isGreaterThanOrEqualTo(3);
            assertThat(Rendered.text(cluster, "spec.backup.barmanObjectStore.destinationPath"))
                    .as(name)
                    .isNotBlank();
            assertThat(Rendered.text(cluster, "spec.backup.retentionPolicy"))
                    .as(name)
                    .isNotBlank();
            assertThat(backups)
                    .as("a ScheduledBackup of %s", name)
                    .anyMatch(b -> name.equals(Rendered.text(b, "spec.cluster.name")));
        }
    }

    @Test
    void devRunsOneOfEach() {
        Rendered dev = Rendered.of("dev");
        assertThat(dev.deployments())
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(dev.ofKind("Cluster"))
                .allSatisfy(
                        c -> assertThat(Rendered.number(c, "spec.instances")).isEqualTo(1));
    }
}
