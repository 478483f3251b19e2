package io.orderflow.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.springframework.util.FileSystemUtils;

/**
 * A service's jar extracted once per build ({@code java -Djarmode=tools -jar … extract}: the application jar with its
 * libraries beside it on the class path), and the class-data archive of its start-up beside it (ADR 0021). The
 * first run of a build writes the archive when the service stops ({@code -XX:ArchiveClassesAtExit}, JDK 17–24; the
 * AOT cache {@code -XX:AOTCacheOutput} on JDK 25 and later); later runs map it ({@code -XX:SharedArchiveFile},
 * {@code -XX:AOTCache}) instead of loading, parsing and verifying the same classes again. A jar of new content or
 * another JDK starts over (a jar rebuilt with the same content does not). A nested (fat) jar cannot be archived: its
 * classes come from Spring Boot's own class loader.
 *
 * @param applicationJar the extracted application jar to run with {@code -jar}
 * @param jvmOptions the options that use (or write) the archive
 */
record ClassDataCache(Path applicationJar, List<String> jvmOptions) {

    /** {@code jar}: the service's jar; {@code directory}: this service's cache directory, kept between runs. */
    static ClassDataCache prepare(Path jar, Path directory, Path java) {
        String stamp = stamp(jar, java);
        Path extracted = directory.resolve("application");
        Path applicationJar = extracted.resolve(jar.getFileName());
        try {
            Path stampFile = directory.resolve("stamp");
            if (!Files.isRegularFile(stampFile)
                    || !Files.readString(stampFile).equals(stamp)
                    || !Files.isRegularFile(applicationJar)) {
                FileSystemUtils.deleteRecursively(directory);
                Files.createDirectories(directory);
                extract(jar, extracted, java);
                Files.writeString(stampFile, stamp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + jar + " into " + directory, e);
        }
        return new ClassDataCache(
                applicationJar, options(directory, Runtime.version().feature()));
    }

    /** The archive's options for a JVM of that feature release. */
    static List<String> options(Path directory, int feature) {
        List<String> options = new ArrayList<>();
        if (feature >= 25) {
            // no -Xshare: the JVM refuses it beside -XX:AOTCacheOutput, and with -XX:AOTCache its default AOT mode
            // (auto) already ignores a cache that does not fit, with a warning
            Path cache = directory.resolve("application.aot");
            options.add(Files.isRegularFile(cache) ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + cache);
        } else {
            Path archive = directory.resolve("application.jsa");
            options.add(
                    Files.isRegularFile(archive)
                            ? "-XX:SharedArchiveFile=" + archive
                            : "-XX:ArchiveClassesAtExit=" + archive);
            // an archive that does not fit (another JDK build) is ignored with a warning, never an error
            options.add("-Xshare:auto");
        }
        return options;
    }

    /** The archive this run writes at its exit (the first run of a build), or none when it maps one. */
    Optional<Path> trainingOutput() {
        return jvmOptions.stream()
                .filter(option ->
                        option.startsWith("-XX:AOTCacheOutput=") || option.startsWith("-XX:ArchiveClassesAtExit="))
                .map(option -> Path.of(option.substring(option.indexOf('=') + 1)))
                .findFirst();
    }

    /** Whether this run writes the archive at its exit rather than mapping one. */
    boolean training() {
        return trainingOutput().isPresent();
    }

    /**
     * After a training run that did not start the service: deletes what its exit wrote (the JVM writes the archive at
     * any exit it makes itself; the AOT cache's configuration file beside it), so that the next run trains again
     * instead of mapping the classes of a failed start for the rest of the build. A run that mapped an archive
     * leaves it alone.
     */
    void discardTraining() {
        trainingOutput().ifPresent(archive -> {
            for (Path written : List.of(archive, Path.of(archive + ".config"))) {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException e) {
                    // called while the stack stops: the rest of the stop goes on, the next run maps what is left
                    System.err.println("cannot delete " + written + ": " + e);
                }
            }
        });
    }

    /**
     * What the extraction and the archive depend on: the jar's content and the JDK that runs it. The content is read
     * from the jar's directory (each entry's name, size and CRC-32), not from its modification time: every build
     * writes every jar again (the parent pom's {@code forceCreation}), and a service whose content did not change keeps
     * its archive through a rebuild of the others.
     */
    static String stamp(Path jar, Path java) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            zip.stream()
                    .forEach(entry -> digest.update(
                            (entry.getName() + " " + entry.getSize() + " " + Long.toHexString(entry.getCrc()) + "\n")
                                    .getBytes(StandardCharsets.UTF_8)));
            return jar.toRealPath() + " " + HexFormat.of().formatHex(digest.digest()) + " " + java.toRealPath() + " "
                    + Runtime.version();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void extract(Path jar, Path destination, Path java) throws IOException {
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("extracting " + jar + " failed (exit "
                        + (process.isAlive() ? "timeout" : process.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar, e);
        }
    }
}
