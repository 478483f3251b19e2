package io.orderflow.systemtest;

/**
 * The settings of one load run: the arguments (shop clients, window seconds, warm-up seconds) or the
 * system properties {@code load.*} (see docs/performance.md, "End-to-end load").
 *
 * @param clients         shops, one client each in the closed loop; in the open loop the schedule uses them in turn
 * @param rate            open loop: creates per second issued on a fixed schedule; 0 = closed loop
 * @param openThreads     open loop: threads that make the scheduled calls (a call waits up to 10 s for pay params)
 * @param sustainedRate   open loop: the closed loop's sustained rate the target is set against; 0 = not given
 * @param tracingSampling the services' {@code management.tracing.sampling.probability}; null = as configured
 */
record LoadSettings(
        int clients,
        int idleSeconds,
        int warmupSeconds,
        int windowSeconds,
        int drainSeconds,
        double cryptoSeconds,
        double rate,
        int openThreads,
        double sustainedRate,
        String tracingSampling) {

    LoadSettings {
        if (rate < 0 || sustainedRate < 0 || openThreads < 1 || clients < 1 || windowSeconds < 2) {
            throw new IllegalArgumentException("load settings out of range: rate " + rate + ", sustained rate "
                    + sustainedRate + ", open-loop threads " + openThreads + ", clients " + clients + ", window "
                    + windowSeconds);
        }
        if (tracingSampling != null && !tracingSampling.matches("(0(\\.\\d+)?|1(\\.0+)?)")) {
            throw new IllegalArgumentException(
                    "load.tracing-sampling must be a probability from 0.0 to 1.0: " + tracingSampling);
        }
    }

    static LoadSettings from(String[] args) {
        return new LoadSettings(
                arg(args, 0, "load.clients", 16),
                Integer.getInteger("load.idle", 10),
                arg(args, 2, "load.warmup", 480),
                arg(args, 1, "load.window", 60),
                Integer.getInteger("load.drain", 60),
                number("load.crypto-seconds", 2),
                number("load.rate", 0),
                Integer.getInteger("load.open-threads", 256),
                number("load.sustained-rate", 0),
                System.getProperty("load.tracing-sampling"));
    }

    boolean openLoop() {
        return rate > 0;
    }

    private static int arg(String[] args, int index, String property, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : Integer.getInteger(property, fallback);
    }

    private static double number(String property, double fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }
}
