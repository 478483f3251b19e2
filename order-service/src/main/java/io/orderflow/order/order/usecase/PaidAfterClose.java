package io.orderflow.order.order.usecase;

/** {@code orderflow.paid-after-close}: {@code refund} (default) refunds a payment after close in full; {@code ignore} keeps it. */
final class PaidAfterClose {

    private PaidAfterClose() {}

    static boolean refunds(String setting) {
        return switch (setting.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "refund" -> true;
            case "ignore" -> false;
            default ->
                throw new IllegalArgumentException("orderflow.paid-after-close must be refund or ignore: " + setting);
        };
    }
}
