package io.orderflow.events;

import java.util.regex.Pattern;

/**
 * An amount of money as WeChat Pay counts it: an integer number of fen (1/100 yuan) and a currency.
 *
 * @param fen the amount in the currency's minor unit (fen for CNY); zero or positive; required
 * @param currency ISO 4217 currency code in upper case, for example {@code CNY}; required
 */
public record Money(long fen, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Checks.nonNegative(fen, "fen");
        Checks.present(currency, "currency");
        if (currency.isBlank() || !ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code like CNY: '" + currency + "'");
        }
    }

    /** Returns an amount in Chinese yuan (CNY), the only currency WeChat Pay JSAPI settles domestically. */
    public static Money cny(long fen) {
        return new Money(fen, "CNY");
    }
}
