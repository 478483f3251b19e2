package io.orderflow.simulator.crypto;

import java.security.SecureRandom;

/** Random alphanumeric strings for nonces, ids and generated keys. */
public final class Nonces {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {}

    public static String alphanumeric(int length) {
        return pick(ALPHABET, length);
    }

    public static String digits(int length) {
        return pick("0123456789", length);
    }

    public static String upperHex(int length) {
        return pick("0123456789ABCDEF", length);
    }

    private static String pick(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
