package io.orderflow.deploy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, as CI and an operator would. The
 * binary is {@code kubectl} on the PATH, or {@code $KUBECTL} (e.g. Debian's 1.20 to check the
 * manifests with kustomize v2). Each kustomization is rendered once per test JVM.
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** The objects of {@code deploy/base} or {@code deploy/overlays/<name>}, as kubectl prints them. */
    static List<Map<String, Object>> render(String name) {
        return RENDERED.computeIfAbsent(name, Kustomize::run);
    }

    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        return configured == null || configured.isBlank() ? "kubectl" : configured;
    }

    private static List<Map<String, Object>> run(String name) {
        Path dir = Repository.kustomization(name);
        Process process;
        Path errors;
        try {
            errors = Files.createTempFile("kustomize-" + name, ".err");
            process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                    .redirectError(errors.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run '" + kubectl() + " kustomize': kubectl is needed to render deploy/ "
                            + "(apt-get install -y kubernetes-client, as .ci/run does, or set KUBECTL to its path)",
                    e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(errors));
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every non-empty document of a multi-document YAML text. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> docs =
                YAML.readerFor(Map.class).readValues(yaml)) {
            while (docs.hasNextValue()) {
                Map<String, Object> doc = docs.nextValue();
                if (doc != null && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }
}
