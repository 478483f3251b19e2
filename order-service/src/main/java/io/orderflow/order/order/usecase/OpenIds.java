package io.orderflow.order.order.usecase;

/** Payer openids are personal data: logs show only their first and last four characters. */
public final class OpenIds {

    private OpenIds() {}

    public static String mask(String openid) {
        if (openid == null) {
            return null;
        }
        return openid.length() <= 8 ? "***" : openid.substring(0, 4) + "***" + openid.substring(openid.length() - 4);
    }
}
