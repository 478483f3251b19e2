package io.orderflow.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports that are free now, for processes that bind them later, never the same port twice in one JVM.
 *
 * <p>The operating system's free port (bind to port 0, close) is free again the moment it is closed, so two asks
 * can get the same port: two services of one stack then share it, the second fails to bind, and a readiness probe
 * sent to the second's port is answered by the first. That made a local stack report itself "up" without its
 * payment-service. Ports handed out once are never handed out again by this JVM.
 */
public final class FreePorts {
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 1_000;

    private FreePorts() {}

    /** A port nothing listens on now and that this JVM has not handed out before. */
    public static int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = unbound();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port this JVM has not handed out already after " + ATTEMPTS
                + " tries (" + HANDED_OUT.size() + " handed out)");
    }

    private static int unbound() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
