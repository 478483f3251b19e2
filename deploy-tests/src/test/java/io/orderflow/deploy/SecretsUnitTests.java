package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets are referenced by name, created outside git, and every one is documented. */
class SecretsUnitTests {

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|KEY|CREDENTIAL).*");

    @ParameterizedTest
    @ValueSource(strings = {"base", "prod"})
    void noSecretValuesAreRendered(String overlay) {
        assertThat(Kustomize.render(overlay))
                .as("Secrets in %s", overlay)
                .noneMatch(
                        o -> "Secret".equals(o.get("kind")) && (o.get("data") != null || o.get("stringData") != null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void noSecretLooksLikeAPlainEnvironmentValue(String overlay) {
        for (Deployment deployment : Rendered.of(overlay).deployments()) {
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar var : c.getEnv()) {
                    if (SECRET_LIKE.matcher(var.getName()).matches()) {
                        assertThat(var.getValue())
                                .as(
                                        "%s: %s must come from a Secret (valueFrom)",
                                        deployment.getMetadata().getName(), var.getName())
                                .isNull();
                        assertThat(var.getValueFrom().getSecretKeyRef())
                                .as(var.getName())
                                .isNotNull();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void configMapsHoldNoKeys(String overlay) {
        for (ConfigMap map : Rendered.of(overlay).ofKind("ConfigMap", ConfigMap.class)) {
            map.getData()
                    .forEach((file, content) -> assertThat(content)
                            .as("%s/%s", map.getMetadata().getName(), file)
                            .doesNotContain("PRIVATE KEY")
                            .doesNotContainPattern("(?i)api-v3-key\\s*:"));
        }
    }

    @Test
    void everyReferencedSecretIsDocumented() {
        String readme = Repository.read(Repository.deploy().resolve("README.md"));
        Set<String> referenced = new TreeSet<>();
        for (String overlay : Repository.OVERLAYS) {
            referenced.addAll(referencedSecrets(Rendered.of(overlay)));
        }
        assertThat(referenced).as("Secrets the manifests reference").isNotEmpty();
        assertThat(referenced)
                .allSatisfy(name -> assertThat(readme)
                        .as("deploy/README.md names Secret " + name)
                        .contains("`" + name + "`"));
    }

    static Set<String> referencedSecrets(Rendered rendered) {
        Set<String> names = new TreeSet<>();
        for (Deployment deployment : rendered.deployments()) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            pod.getContainers().stream()
                    .flatMap(c -> c.getEnv().stream())
                    .map(EnvVar::getValueFrom)
                    .filter(Objects::nonNull)
                    .map(v -> v.getSecretKeyRef())
                    .filter(Objects::nonNull)
                    .forEach(ref -> names.add(ref.getName()));
            pod.getVolumes().stream()
                    .filter(v -> v.getSecret() != null)
                    .forEach(v -> names.add(v.getSecret().getSecretName()));
        }
        rendered.ofKind("Ingress", Ingress.class).stream()
                .flatMap(i -> i.getSpec().getTls().stream())
                .map(IngressTLS::getSecretName)
                .forEach(names::add);
        for (Map<String, Object> cluster : rendered.ofKind("Cluster")) {
            names.add(Objects.requireNonNull(Rendered.text(cluster, "spec.bootstrap.initdb.secret.name")));
            Object s3 = Rendered.at(cluster, "spec.backup.barmanObjectStore.s3Credentials");
            if (s3 != null) {
                names.add(Objects.requireNonNull(Rendered.text(s3, "accessKeyId.name")));
                names.add(Objects.requireNonNull(Rendered.text(s3, "secretAccessKey.name")));
            }
        }
        return names;
    }
}
