package io.orderflow.reconcile.bill;

import java.math.BigDecimal;

/** Bills count in yuan with decimals; orderflow counts in fen. Converted exactly, never through a double. */
final class Yuan {

    private Yuan() {}

    /** "12.34" → 1234; an empty column is zero; a fraction of a fen is a malformed bill. */
    static long fen(String yuan) {
        try {
            return decimal(yuan).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedBill("amount '" + yuan + "' is not a whole number of fen");
        }
    }

    static BigDecimal decimal(String yuan) {
        if (yuan == null || yuan.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(yuan);
        } catch (NumberFormatException e) {
            throw new MalformedBill("amount '" + yuan + "' is not a number");
        }
    }
}
