package io.orderflow.simulator.keys;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All key material the simulator holds. The first WeChat Pay key signs notifications and any
 * response whose request did not name a known serial; the others stay valid (key rotation).
 */
public final class KeyRing {

    private final List<WechatPayKey> wechatPayKeys;

    private final Map<String, Merchant> merchants;

    public KeyRing(List<WechatPayKey> wechatPayKeys, List<Merchant> merchants) {
        if (wechatPayKeys.isEmpty()) {
            throw new IllegalArgumentException("At least one WeChat Pay key is needed");
        }
        this.wechatPayKeys = List.copyOf(wechatPayKeys);
        this.merchants = merchants.stream().collect(Collectors.toUnmodifiableMap(Merchant::mchid, Function.identity()));
    }

    public WechatPayKey primary() {
        return wechatPayKeys.get(0);
    }

    public List<WechatPayKey> wechatPayKeys() {
        return wechatPayKeys;
    }

    /** The key a client expects, chosen by the serial it sent (public key id or certificate serial). */
    public Optional<WechatPayKey> keyFor(String serial) {
        if (serial == null || serial.isBlank()) {
            return Optional.empty();
        }
        return wechatPayKeys.stream().filter(key -> key.answersTo(serial)).findFirst();
    }

    public Optional<Merchant> merchant(String mchid) {
        return Optional.ofNullable(mchid).map(merchants::get);
    }

    public Optional<Merchant> merchantOfAppid(String appid) {
        return merchants.values().stream()
                .filter(merchant -> merchant.owns(appid))
                .findFirst();
    }

    public List<Merchant> merchants() {
        return List.copyOf(merchants.values());
    }
}
