package io.orderflow.simulator.keys;

import io.orderflow.simulator.crypto.Pem;
import io.orderflow.simulator.crypto.Rsa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import org.springframework.core.io.DefaultResourceLoader;

/** Reads PEM files from a path or {@code classpath:} location and keeps generated keys across restarts. */
final class KeyFiles {

    private final Path directory;

    KeyFiles(Path directory) {
        this.directory = directory;
    }

    static String read(String location) {
        if (location.startsWith("classpath:")) {
            try (var in = new DefaultResourceLoader().getResource(location).getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot read " + location, ex);
            }
        }
        return Pem.read(Path.of(location));
    }

    /** The key pair stored under {@code name}, generated and written (private and public PEM) on first use. */
    KeyPair loadOrGenerate(String name) {
        Path privatePath = directory.resolve(name + "_private_key.pem");
        Path publicPath = directory.resolve(name + "_public_key.pem");
        try {
            if (Files.exists(privatePath)) {
                PrivateKey key = Pem.privateKey(Files.readString(privatePath));
                return new KeyPair(publicOf((RSAPrivateCrtKey) key), key);
            }
            Files.createDirectories(directory);
            KeyPair pair = Rsa.generate();
            Files.writeString(privatePath, Pem.encode(pair.getPrivate()));
            Files.writeString(publicPath, Pem.encode(pair.getPublic()));
            return pair;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot keep generated key in " + directory, ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static PublicKey publicOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        var spec = new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent());
        return KeyFactory.getInstance("RSA").generatePublic(spec);
    }
}
