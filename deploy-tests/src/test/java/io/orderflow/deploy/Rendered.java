package io.orderflow.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;

/**
 * The rendered objects of one kustomization, with typed access to the built-in kinds
 * ({@link KubernetesKinds}) and path access to the custom resources.
 *
 * @param name "base" or an overlay's name
 * @param objects the documents kubectl printed
 */
record Rendered(String name, List<Map<String, Object>> objects) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Rendered of(String name) {
        return new Rendered(name, Kustomize.render(name));
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    <T> List<T> ofKind(String kind, Class<T> type) {
        return ofKind(kind).stream().map(o -> JSON.convertValue(o, type)).toList();
    }

    List<Deployment> deployments() {
        return ofKind("Deployment", Deployment.class);
    }

    Deployment deployment(String service) {
        return deployments().stream()
                .filter(d -> service.equals(d.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no Deployment " + service));
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(at(object, "metadata.name"));
    }

    /** The value at a dotted path of maps ("spec.kafka.listeners"), or null. */
    @SuppressWarnings("unchecked")
    static Object at(Object object, String path) {
        Object current = object;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object object, String path) {
        Object value = at(object, path);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static String text(Object object, String path) {
        Object value = at(object, path);
        return value == null ? null : String.valueOf(value);
    }

    static int number(Object object, String path) {
        Object value = at(object, path);
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value == null) {
            throw new AssertionError("no " + path + " in " + object);
        }
        return Integer.parseInt(value.toString());
    }
}
