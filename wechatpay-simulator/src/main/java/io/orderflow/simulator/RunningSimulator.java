package io.orderflow.simulator;

import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.keys.Merchant;
import io.orderflow.simulator.keys.WechatPayKey;
import io.orderflow.simulator.ledger.Ledger;
import java.nio.file.Path;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** A started simulator: where it listens, the key material clients need, and {@link #close()}. */
public final class RunningSimulator implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final Path temporaryKeyDirectory;

    /** {@code temporaryKeyDirectory}: generated keys to delete on close, or null when the caller chose the directory. */
    RunningSimulator(ConfigurableApplicationContext context, Path temporaryKeyDirectory) {
        this.context = context;
        this.temporaryKeyDirectory = temporaryKeyDirectory;
    }

    /** {@code http://127.0.0.1:<port>}; point the SDK's OkHttp interceptor here. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The merchant's ids, serial, APIv3 key and, when the simulator generated it, its private key PEM. */
    public Merchant merchant(String mchid) {
        return keys().merchant(mchid).orElseThrow(() -> new IllegalArgumentException("Unknown merchant " + mchid));
    }

    /** The key that signs notifications; give its public key and id to {@code RSAPublicKeyConfig}. */
    public WechatPayKey wechatPayKey() {
        return keys().primary();
    }

    public KeyRing keys() {
        return context.getBean(KeyRing.class);
    }

    /** Direct read access to the ground truth, the same data as GET /sim/v1/ledger. */
    public Ledger ledger() {
        return context.getBean(Ledger.class);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
        if (temporaryKeyDirectory != null) {
            FileSystemUtils.deleteRecursively(temporaryKeyDirectory.toFile());
        }
    }
}
