package io.orderflow.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** pod-start reads the image's own build step and entry point, and the running service's own settings. */
class PodStartCommandUnitTests {

    @Test
    void theTrainingRunAndEntryPointAreTheDockerfilesFinalStage() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "deploy", "docker", "Dockerfile"));

        PodStartCommand.Image image = PodStartCommand.image(dockerfile);

        assertThat(image.training())
                .startsWith("/usr/bin/java")
                .contains(
                        "-XX:ArchiveClassesAtExit=application.jsa",
                        "-Dspring.context.exit=onRefresh",
                        "application.jar");
        assertThat(image.entrypoint())
                .startsWith("/usr/bin/java")
                .contains("-XX:SharedArchiveFile=application.jsa", "-XX:MaxRAMPercentage=75.0")
                .endsWith("-jar", "application.jar");
        assertThat(image.withoutArchive())
                .doesNotContain("-XX:SharedArchiveFile=application.jsa", "-Xshare:auto")
                .contains("-XX:MaxRAMPercentage=75.0");
    }

    @Test
    void aDockerfileWithoutAnExecFormBuildStepInItsFinalStageIsRefused() {
        String earlierStageOnly = """
                FROM base AS layers
                RUN ["/usr/bin/java", "-version"]
                FROM base
                ENTRYPOINT ["/usr/bin/java", "-jar", "application.jar"]
                """;

        assertThatThrownBy(() -> PodStartCommand.image(earlierStageOnly)).hasMessageContaining("final stage");
    }

    @Test
    void theReplicaGetsTheRunningServicesSettingsButPortsOfItsOwn() throws Exception {
        Process service = new ProcessBuilder(
                        "/bin/sh",
                        "-c",
                        "sleep 30",
                        "-Xmx64m",
                        "-jar",
                        "service.jar",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/orderflow_order",
                        "--server.port=18081",
                        "--management.server.port=19081",
                        "--server.address=127.0.0.1")
                .start();
        try {
            assertThat(PodStartCommand.settings(service.pid()))
                    .containsExactly(
                            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/orderflow_order",
                            "--server.address=127.0.0.1");
        } finally {
            service.destroyForcibly();
        }
    }
}
