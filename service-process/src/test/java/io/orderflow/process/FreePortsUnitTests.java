package io.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsUnitTests {

    /**
     * Two thousand asks, as many as a day of stacks: the operating system alone repeats a port within a few hundred
     * (the birthday bound over its ephemeral range), so a repeat here means the allocator forgot one.
     */
    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            int port = FreePorts.next();
            assertThat(seen.add(port))
                    .as("port %d handed out twice (ask %d)", port, i + 1)
                    .isTrue();
        }
    }

    @Test
    void handsOutPortsThatCanBeBound() throws IOException {
        int port = FreePorts.next();
        try (ServerSocket socket = new ServerSocket(port)) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
