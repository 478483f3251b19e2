package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The images' Dockerfiles pass the lint, and the lint catches what it is for. */
class DockerfileLintUnitTests {

    private static final String GOOD = """
            # syntax=docker/dockerfile:1
            ARG BASE=gcr.io/distroless/java17-debian12:nonroot@sha256:%s
            FROM ${BASE} AS layers
            COPY app.jar app.jar
            RUN ["/usr/bin/java", "-Djarmode=tools", "-jar", "app.jar", "extract", "--layers"]
            FROM ${BASE}
            COPY --from=layers /tmp/extracted/application/ ./
            USER 65532:65532
            ENTRYPOINT ["/usr/bin/java", "-XX:MaxRAMPercentage=75.0", \\
                        "-jar", "application.jar"]
            """.formatted("0".repeat(64));

    @Test
    void theServiceImagesPass() {
        List<Path> dockerfiles = dockerfiles();
        assertThat(dockerfiles).as("Dockerfiles in the repository").isNotEmpty();
        for (Path dockerfile : dockerfiles) {
            assertThat(DockerfileLint.check(Repository.read(dockerfile)))
                    .as(dockerfile.toString())
                    .isEmpty();
        }
    }

    @Test
    void theImageIsBuiltFromEachServicesJar() {
        String dockerfile = Repository.read(Repository.deploy().resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("COPY ${SERVICE}/target/${SERVICE}.jar");
        for (String service : Repository.SERVICES) {
            assertThat(Repository.read(Repository.root().resolve(service).resolve("pom.xml")))
                    .as("%s builds target/%s.jar", service, service)
                    .contains("<finalName>" + service + "</finalName>");
        }
    }

    @Test
    void aGoodDockerfilePasses() {
        assertThat(DockerfileLint.check(GOOD)).isEmpty();
    }

    @Test
    void flagsUnpinnedBasesRootShellFormAndUrls() {
        assertThat(DockerfileLint.check(GOOD.replaceFirst("ARG BASE=\\S+", "ARG BASE=eclipse-temurin:latest")))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("not pinned"));
        assertThat(DockerfileLint.check("FROM eclipse-temurin\nUSER 1000\nENTRYPOINT [\"java\"]"))
                .anySatisfy(p -> assertThat(p).contains("not pinned"));
        assertThat(DockerfileLint.check(GOOD.replace("USER 65532:65532", "USER 0")))
                .singleElement()
                .asString()
                .contains("runs as root");
        assertThat(DockerfileLint.check(GOOD.replace("USER 65532:65532", "USER nonroot")))
                .singleElement()
                .asString()
                .contains("numeric");
        assertThat(DockerfileLint.check(GOOD.replaceFirst("(?s)ENTRYPOINT.*", "ENTRYPOINT java -jar application.jar")))
                .singleElement()
                .asString()
                .contains("exec-form");
        assertThat(DockerfileLint.check(GOOD.replace("\"-XX:MaxRAMPercentage=75.0\", ", "")))
                .singleElement()
                .asString()
                .contains("MaxRAMPercentage");
        assertThat(DockerfileLint.check(GOOD + "ADD https://example.com/agent.jar /agent.jar\n"))
                .singleElement()
                .asString()
                .contains("ADD fetches a URL");
        assertThat(DockerfileLint.check(GOOD + "RUN chmod +x /app\n"))
                .singleElement()
                .asString()
                .contains("shell form");
        assertThat(DockerfileLint.check(GOOD + "ENV DB_PASSWORD=secret\n"))
                .singleElement()
                .asString()
                .contains("secret");
    }

    @Test
    void aClassDataArchiveTheEntryPointMapsIsWrittenByTheFinalStage() {
        String mapsArchive = GOOD.replace(
                "\"-XX:MaxRAMPercentage=75.0\"",
                "\"-XX:SharedArchiveFile=application.jsa\", \"-XX:MaxRAMPercentage=75.0\"");
        String training = "RUN [\"/usr/bin/java\", \"-XX:ArchiveClassesAtExit=application.jsa\", "
                + "\"-Dspring.context.exit=onRefresh\", \"-jar\", \"application.jar\"]\n";

        assertThat(DockerfileLint.check(mapsArchive)).singleElement().asString().contains("no RUN of the final stage");
        assertThat(DockerfileLint.check(mapsArchive.replace("USER 65532:65532", training + "USER 65532:65532")))
                .isEmpty();
        // written in the stage that only extracts the layers, it does not reach the image
        assertThat(DockerfileLint.check(
                        mapsArchive.replace("COPY app.jar app.jar\n", "COPY app.jar app.jar\n" + training)))
                .singleElement()
                .asString()
                .contains("no RUN of the final stage");
    }

    private static List<Path> dockerfiles() {
        try (Stream<Path> files = Repository.files(Repository.root(), "Dockerfile").stream()) {
            return files.filter(p -> p.getFileName().toString().equals("Dockerfile"))
                    .filter(p -> !p.toString().contains("/node_modules/"))
                    .toList();
        }
    }
}
