package io.orderflow.order.shop;

import static io.orderflow.order.shop.ShopAuthenticationException.NONCE_REUSED;
import static io.orderflow.order.shop.ShopAuthenticationException.SHOP_UNKNOWN;
import static io.orderflow.order.shop.ShopAuthenticationException.SIGNATURE_INVALID;
import static io.orderflow.order.shop.ShopAuthenticationException.TIMESTAMP_OUT_OF_WINDOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies a signed shop request, in this order: the shop exists and is enabled, the timestamp is
 * within ±5 minutes, the signature matches (constant-time), and the nonce is new. The nonce is
 * recorded only for a correctly signed request, so nobody else can burn a shop's nonces.
 */
@Service
public class ShopAuthentication {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Shops shops;
    private final SecretCipher cipher;
    private final ShopNonces nonces;
    private final Clock clock;

    ShopAuthentication(Shops shops, SecretCipher cipher, ShopNonces nonces, Clock clock) {
        this.shops = shops;
        this.cipher = cipher;
        this.nonces = nonces;
        this.clock = clock;
    }

    @Transactional
    public Shop authenticate(SignedRequest request) {
        Shops.Credentials credentials = shops.credentials(request.shopId())
                .filter(c -> c.shop().enabled())
                .orElseThrow(() -> new ShopAuthenticationException(
                        SHOP_UNKNOWN, "shop_id " + request.shopId() + " is unknown or disabled"));
        Shop shop = credentials.shop();
        Instant sent = Instant.ofEpochSecond(Long.parseLong(request.timestamp()));
        if (Duration.between(sent, clock.instant()).abs().compareTo(WINDOW) > 0) {
            throw new ShopAuthenticationException(
                    TIMESTAMP_OUT_OF_WINDOW,
                    "timestamp " + request.timestamp() + " is more than 5 minutes away from the server time");
        }
        String secret = cipher.decrypt(shop.shopId(), credentials.secretCipher());
        byte[] message = RequestSignature.message(
                request.method(), request.pathAndQuery(), request.timestamp(), request.nonce(), request.body());
        if (!RequestSignature.matches(secret, message, request.signature())) {
            throw new ShopAuthenticationException(SIGNATURE_INVALID, "signature does not match the request");
        }
        if (!nonces.firstUse(shop.shopId(), request.nonce())) {
            throw new ShopAuthenticationException(NONCE_REUSED, "nonce " + request.nonce() + " was already used");
        }
        return shop;
    }
}
