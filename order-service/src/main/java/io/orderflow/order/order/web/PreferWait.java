package io.orderflow.order.order.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code wait} preference of RFC 7240 {@code Prefer}, capped by configuration; zero when absent. */
final class PreferWait {

    private static final Pattern WAIT =
            Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?([0-9]{1,6})\"?", Pattern.CASE_INSENSITIVE);

    private PreferWait() {}

    static Duration parse(String prefer, Duration max) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher matcher = WAIT.matcher(prefer);
        if (!matcher.find()) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
