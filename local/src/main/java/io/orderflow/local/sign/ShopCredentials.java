package io.orderflow.local.sign;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * A shop's id and secret, and the order-service it belongs to, as kept in a properties file
 * ({@code shop_id}, {@code secret}, {@code order_service_url}) readable by its owner only.
 */
public record ShopCredentials(String shopId, String secret, String orderServiceUrl) {

    public static ShopCredentials read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shop credentials " + file, e);
        }
        return new ShopCredentials(
                properties.getProperty("shop_id"),
                properties.getProperty("secret"),
                properties.getProperty("order_service_url"));
    }

    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("shop_id", shopId);
        properties.setProperty("secret", secret);
        properties.setProperty("order_service_url", orderServiceUrl);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            setOwnerOnly(file);
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "orderflow local stack: the demo shop (test credentials, local use only)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write shop credentials " + file, e);
        }
    }

    public ShopCredentials withOrderServiceUrl(String url) {
        return new ShopCredentials(shopId, secret, url);
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile directory protects it instead
        }
    }

    @Override
    public String toString() {
        return "ShopCredentials[shopId=" + shopId + ", orderServiceUrl=" + orderServiceUrl + "]";
    }
}
