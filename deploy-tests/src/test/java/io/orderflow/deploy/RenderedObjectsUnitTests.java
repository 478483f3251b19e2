package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered object is a kind we know, at the right API version, with the fields it needs. */
class RenderedObjectsUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void everyObjectParsesAsItsKind(String overlay) {
        List<Map<String, Object>> objects = Kustomize.render(overlay);
        assertThat(objects).as("objects of %s", overlay).isNotEmpty();
        for (Map<String, Object> object : objects) {
            String kind = String.valueOf(object.get("kind"));
            String where = overlay + ": " + kind + " " + Rendered.name(object);
            assertThat(KubernetesKinds.BUILT_IN.containsKey(kind) || CustomResources.KINDS.containsKey(kind))
                    .as("%s is a kind deploy-tests knows how to check", where)
                    .isTrue();
            if (KubernetesKinds.BUILT_IN.containsKey(kind)) {
                assertThat(object.get("apiVersion"))
                        .as(where)
                        .isEqualTo(KubernetesKinds.BUILT_IN.get(kind).apiVersion());
                assertThat(KubernetesKinds.unknownFields(object))
                        .as("fields the %s model does not know", where)
                        .isEmpty();
            } else {
                assertThat(object.get("apiVersion"))
                        .as(where)
                        .isEqualTo(CustomResources.KINDS.get(kind).apiVersion());
                assertThat(CustomResources.problems(object)).as(where).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void everythingLivesInTheOrderflowNamespace(String overlay) {
        for (Map<String, Object> object : Kustomize.render(overlay)) {
            if (!"Namespace".equals(object.get("kind"))) {
                assertThat(Rendered.text(object, "metadata.namespace"))
                        .as("%s %s", object.get("kind"), Rendered.name(object))
                        .isEqualTo("orderflow");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void namesAreUniquePerKind(String overlay) {
        List<String> keys = Kustomize.render(overlay).stream()
                .map(o -> o.get("kind") + "/" + Rendered.name(o))
                .toList();
        assertThat(keys).doesNotHaveDuplicates();
    }
}
