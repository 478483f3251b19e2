package io.orderflow.order.order.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * New order ids, which WeChat sees as out_trade_no: "OF", the date in China, then 16 random
 * characters of [0-9A-Z] (26 characters in all; WeChat allows 6 to 32 of [0-9A-Za-z_-|*]).
 * 36^16 ≈ 8·10^24 ids per day make a collision practically impossible.
 */
public final class OrderIds {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("OF[0-9]{8}[0-9A-Z]{16}");

    private OrderIds() {}

    /** Whether the text can be an order id at all; anything else is unknown without asking the database. */
    public static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    public static String next(Clock clock) {
        StringBuilder id =
                new StringBuilder("OF").append(DAY.format(clock.instant().atZone(CHINA)));
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
