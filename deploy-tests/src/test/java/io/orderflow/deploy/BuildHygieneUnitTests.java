package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build's own rules: every dependency and plugin version is set once, in the root pom, and no file of the
 * repository points at a design file that is not in it.
 */
class BuildHygieneUnitTests {

    /** Design documents that live outside this repository; the tree must not send a reader to them. */
    private static final Pattern OUTSIDE_DESIGN =
            Pattern.compile("shared/design|\\b(ARCHITECTURE|STACK|STYLE|WECHATPAY-V3|PERFORMANCE)\\.md\\b");

    private static final Set<String> TEXT = Set.of(
            ".java", ".xml", ".md", ".yml", ".yaml", ".properties", ".sql", ".sh", ".txt", "Dockerfile", ".json");

    @Test
    void modulePomsCarryNoDependencyOrPluginVersion() throws Exception {
        List<String> versioned = new ArrayList<>();
        for (Path pom : modulePoms()) {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            NodeList versions = doc.getElementsByTagName("version");
            for (int i = 0; i < versions.getLength(); i++) {
                Element version = (Element) versions.item(i);
                Element owner = (Element) version.getParentNode();
                String kind = owner.getTagName();
                if (kind.equals("dependency") || kind.equals("plugin") || kind.equals("extension")) {
                    versioned.add(Repository.root().relativize(pom) + ": " + text(owner, "groupId") + ":"
                            + text(owner, "artifactId") + " "
                            + version.getTextContent().trim());
                }
            }
        }
        assertThat(modulePoms()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(versioned)
                .as("versions belong in the root pom's dependencyManagement / pluginManagement")
                .isEmpty();
    }

    @Test
    void noFileRefersToDesignFilesOutsideTheRepository() throws IOException {
        List<String> references = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Repository.root())) {
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(BuildHygieneUnitTests::isSource)
                    .toList()) {
                String relative = Repository.root().relativize(file).toString();
                if (file.equals(thisSource())) {
                    continue;
                }
                String[] lines = Repository.read(file).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (OUTSIDE_DESIGN.matcher(lines[i]).find()) {
                        references.add(relative + ":" + (i + 1) + ": " + lines[i].trim());
                    }
                }
            }
        }
        assertThat(references)
                .as("point to docs/ in the tree, or say it in place")
                .isEmpty();
    }

    private static List<Path> modulePoms() {
        try (Stream<Path> dirs = Files.list(Repository.root())) {
            return dirs.map(d -> d.resolve("pom.xml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSource(Path file) {
        String path = file.toString();
        if (path.contains("/target/") || path.contains("/.git/") || path.contains("/node_modules/")) {
            return false;
        }
        String name = file.getFileName().toString();
        return TEXT.stream().anyMatch(name::endsWith);
    }

    private static Path thisSource() {
        return Repository.root().resolve("deploy-tests/src/test/java/io/orderflow/deploy/BuildHygieneUnitTests.java");
    }

    private static String text(Element owner, String tag) {
        NodeList nodes = owner.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
