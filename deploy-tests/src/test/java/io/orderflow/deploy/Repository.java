package io.orderflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the files under test live: the repository root, found from the module's directory. */
final class Repository {

    /** The deployable services: each has a module, an image, a Deployment and a database. */
    static final List<String> SERVICES =
            List.of("order-service", "payment-service", "notify-service", "reconcile-service");

    /** The overlays a cluster is deployed from; "base" is rendered too, for the secret rules. */
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Path ROOT = findRoot();

    private Repository() {}

    static Path root() {
        return ROOT;
    }

    static Path deploy() {
        return ROOT.resolve("deploy");
    }

    /** {@code deploy/base} or {@code deploy/overlays/<name>}. */
    static Path kustomization(String name) {
        return "base".equals(name)
                ? deploy().resolve("base")
                : deploy().resolve("overlays").resolve(name);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code dir} whose name ends with {@code suffix}, in a stable order. */
    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> !p.toString().contains("/target/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no repository root with deploy/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
