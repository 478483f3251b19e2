package io.orderflow.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataCacheUnitTests {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void theJdkRunningTheTestsAcceptsTheOptionsThatWriteTheArchiveAndThoseThatMapIt(@TempDir Path directory)
            throws Exception {
        int feature = Runtime.version().feature();
        List<String> writing = ClassDataCache.options(directory, feature);
        assertThat(run(writing)).as("a JVM started with %s", writing).isZero();

        List<String> mapping = ClassDataCache.options(directory, feature);
        assertThat(mapping)
                .as("the archive written at exit is mapped by the next run")
                .isNotEqualTo(writing)
                .anySatisfy(option -> assertThat(option).matches("-XX:(AOTCache|SharedArchiveFile)=.*"));
        assertThat(run(mapping)).as("a JVM started with %s", mapping).isZero();
    }

    @Test
    void jdk25UsesTheAotCacheWithoutXshareWhichTheJvmRefusesBesideIt(@TempDir Path directory) {
        assertThat(ClassDataCache.options(directory, 25))
                .containsExactly("-XX:AOTCacheOutput=" + directory.resolve("application.aot"));
        assertThat(ClassDataCache.options(directory, 17))
                .containsExactly("-XX:ArchiveClassesAtExit=" + directory.resolve("application.jsa"), "-Xshare:auto");
    }

    @Test
    void aTrainingRunDiscardsWhatItsExitWroteAndAMappingRunKeepsTheArchive(@TempDir Path directory) throws IOException {
        Path jar = directory.resolve("application").resolve("service.jar");
        for (int feature : List.of(17, 25)) {
            ClassDataCache training = new ClassDataCache(jar, ClassDataCache.options(directory, feature));
            assertThat(training.training()).isTrue();
            // what the training JVM's exit wrote after a failed start
            Path archive = directory.resolve(feature >= 25 ? "application.aot" : "application.jsa");
            Files.writeString(archive, "classes of a failed start");
            ClassDataCache mapping = new ClassDataCache(jar, ClassDataCache.options(directory, feature));
            assertThat(mapping.training()).isFalse();

            mapping.discardTraining();
            assertThat(archive).as("an archive mapped by the run stays").exists();
            training.discardTraining();
            assertThat(archive).as("the archive of a failed first start goes").doesNotExist();
            assertThat(ClassDataCache.options(directory, feature))
                    .as("so the next run writes it again")
                    .isEqualTo(training.jvmOptions());
        }
    }

    @Test
    void aJarWrittenAgainWithTheSameContentKeepsItsStampAndAChangedEntryDoesNot(@TempDir Path directory)
            throws IOException {
        Path jar = directory.resolve("service.jar");
        writeJar(jar, "BOOT-INF/lib/platform.jar", "the platform as built");
        String built = ClassDataCache.stamp(jar, JAVA);

        // a build writes the jar again, an hour later, with the same entries
        Files.delete(jar);
        writeJar(jar, "BOOT-INF/lib/platform.jar", "the platform as built");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
        assertThat(ClassDataCache.stamp(jar, JAVA)).isEqualTo(built);

        // the platform changed: the service's archive holds the old classes and must be made again
        writeJar(jar, "BOOT-INF/lib/platform.jar", "the platform, changed");
        assertThat(ClassDataCache.stamp(jar, JAVA)).isNotEqualTo(built);
    }

    private static void writeJar(Path jar, String entry, String content) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            ZipEntry zipEntry = new ZipEntry(entry);
            zipEntry.setTime(System.currentTimeMillis());
            zip.putNextEntry(zipEntry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static int run(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        command.addAll(options);
        command.add("-version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        if (process.exitValue() != 0) {
            System.err.println(new String(output, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }
}
