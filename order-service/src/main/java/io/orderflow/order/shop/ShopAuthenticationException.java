package io.orderflow.order.shop;

/** A request that does not prove it comes from an enabled shop; {@link #code()} says why. */
public class ShopAuthenticationException extends RuntimeException {

    public static final String AUTHORIZATION_INVALID = "AUTHORIZATION_INVALID";
    public static final String SHOP_UNKNOWN = "SHOP_UNKNOWN";
    public static final String TIMESTAMP_OUT_OF_WINDOW = "TIMESTAMP_OUT_OF_WINDOW";
    public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";
    public static final String NONCE_REUSED = "NONCE_REUSED";

    private final String code;

    public ShopAuthenticationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
