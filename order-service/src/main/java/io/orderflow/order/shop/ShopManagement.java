package io.orderflow.order.shop;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's use cases: register a shop, rotate its secret, disable it, find and list shops. */
@Service
public class ShopManagement {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Shops shops;
    private final SecretCipher cipher;
    private final Clock clock;
    private final Merchants merchants;

    ShopManagement(Shops shops, SecretCipher cipher, Clock clock, Merchants merchants) {
        this.shops = shops;
        this.cipher = cipher;
        this.clock = clock;
        this.merchants = merchants;
    }

    /**
     * Registers a shop paying into that merchant; the secret is returned only here.
     *
     * @throws UnknownMerchantException when orderflow has no keys for the mchid or the AppID is not bound to it
     */
    @Transactional
    public ShopSecret create(String name, String mchid, String appid) {
        merchants.check(mchid, appid);
        Shop shop =
                new Shop("shop-" + HexFormat.of().formatHex(randomBytes(6)), name, mchid, appid, true, clock.instant());
        String secret = newSecret();
        shops.insert(shop, cipher.encrypt(shop.shopId(), secret));
        return new ShopSecret(shop, secret);
    }

    /** Replaces the secret; the old one stops working at once. */
    @Transactional
    public ShopSecret rotate(String shopId) {
        Shop shop = shops.find(shopId).orElseThrow(() -> new ShopNotFoundException(shopId));
        String secret = newSecret();
        Instant now = clock.instant();
        shops.updateSecret(shopId, cipher.encrypt(shopId, secret), now);
        return new ShopSecret(shop, secret);
    }

    @Transactional
    public Shop disable(String shopId) {
        if (!shops.disable(shopId, clock.instant())) {
            throw new ShopNotFoundException(shopId);
        }
        return shops.find(shopId).orElseThrow();
    }

    /** The shop, enabled or not. */
    @Transactional(readOnly = true)
    public Shop find(String shopId) {
        return shops.find(shopId).orElseThrow(() -> new ShopNotFoundException(shopId));
    }

    @Transactional(readOnly = true)
    public List<Shop> list() {
        return shops.all();
    }

    private static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
