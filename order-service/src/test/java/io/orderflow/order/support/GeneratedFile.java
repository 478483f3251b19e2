package io.orderflow.order.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checked-in file generated from the contract: the test fails while it is stale, and rewrites it instead
 * when the system property named by {@code writeFlag} is {@code true}.
 */
public record GeneratedFile(Path path, String writeFlag) {

    public void assertUpToDate(String expected) {
        if (Boolean.getBoolean(writeFlag)) {
            write(expected);
            return;
        }
        assertThat(path).as("%s is missing; run the build with -D%s=true", path, writeFlag).exists();
        assertThat(read())
                .as("%s is stale; run the build with -D%s=true and commit the result", path, writeFlag)
                .isEqualTo(expected);
    }

    private String read() {
        try {
            return Files.readString(path).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String content) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
