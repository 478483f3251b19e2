package io.orderflow.local.stack;

import io.orderflow.process.FreePorts;
import java.util.HashMap;
import java.util.Map;

/** The port of each part: given explicitly, else free (with {@code --random-ports}), else the fixed layout. */
final class Ports {

    private final StackSettings settings;
    private final Map<String, Integer> chosen = new HashMap<>();

    Ports(StackSettings settings) {
        this.settings = settings;
    }

    synchronized int of(String name) {
        return chosen.computeIfAbsent(name, key -> {
            Integer explicit = settings.ports().get(key);
            if (explicit != null) {
                return explicit;
            }
            return settings.randomPorts() ? FreePorts.next() : StackSettings.DEFAULT_PORTS.get(key);
        });
    }
}
