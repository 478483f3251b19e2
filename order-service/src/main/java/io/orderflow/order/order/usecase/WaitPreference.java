package io.orderflow.order.order.usecase;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a create call asks to wait for its pay params: the {@code wait} preference of RFC 7240
 * {@code Prefer}, zero when absent. {@link OrderManagement#create} decides how much of it to honour.
 *
 * @param requested the wait asked for
 */
public record WaitPreference(Duration requested) {

    /** No wait asked for. */
    public static final WaitPreference NONE = new WaitPreference(Duration.ZERO);

    private static final Pattern WAIT =
            Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?([0-9]{1,6})\"?", Pattern.CASE_INSENSITIVE);

    /** The preference in a {@code Prefer} header's value; {@link #NONE} when it is absent or names no wait. */
    public static WaitPreference parse(String prefer) {
        if (prefer == null) {
            return NONE;
        }
        Matcher matcher = WAIT.matcher(prefer);
        if (!matcher.find()) {
            return NONE;
        }
        return new WaitPreference(Duration.ofSeconds(Long.parseLong(matcher.group(1))));
    }

    /** The wait honoured: as asked, at most {@code max}. */
    public Duration upTo(Duration max) {
        return requested.compareTo(max) > 0 ? max : requested;
    }
}
