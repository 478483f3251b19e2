package io.orderflow.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending a child OS process (a service, a broker): the way an operator stops it, or like {@code kill -9}. */
public final class ChildProcesses {

    private ChildProcesses() {}

    /**
     * Ends the process (SIGTERM, or SIGKILL when {@code forcibly}) and waits for it to exit,
     * killing it when it does not stop within {@code grace}.
     */
    public static void end(Process process, boolean forcibly, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
