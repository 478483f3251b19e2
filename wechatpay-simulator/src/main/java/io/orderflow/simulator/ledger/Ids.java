package io.orderflow.simulator.ledger;

import io.orderflow.simulator.crypto.Nonces;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** WeChat-shaped identifiers and timestamps (China time, RFC 3339 with +08:00). */
public final class Ids {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Ids() {}

    /** {@code wx} + 14-digit China time + 20 characters, 36 in all like real prepay ids. */
    static String prepayId(Instant at) {
        return "wx" + COMPACT.format(at.atZone(CHINA)) + Nonces.digits(4)
                + Nonces.upperHex(16).toLowerCase();
    }

    /** 28 digits starting 4200, like real transaction ids. */
    static String transactionId() {
        return "4200" + Nonces.digits(24);
    }

    /** 29 digits starting 50, like real refund ids. */
    static String refundId() {
        return "50" + Nonces.digits(27);
    }

    public static String rfc3339(Instant instant) {
        return instant == null ? null : RFC3339.format(instant.atZone(CHINA));
    }
}
