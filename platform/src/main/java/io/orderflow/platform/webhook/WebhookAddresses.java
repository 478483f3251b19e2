package io.orderflow.platform.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs orderflow may POST webhooks to, so that a shop cannot make it call into its own network (SSRF): an
 * absolute {@code https} URL (plain {@code http} only when {@code allowHttp}: local runs), without user info or
 * fragment, whose host resolves only to public addresses: never loopback, link-local (cloud metadata), private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), wildcard or multicast, unless
 * {@code allowPrivate} (a deployment whose shops are inside its network; local runs; tests). order-service checks
 * when a URL is stored; notify-service again before each send, since DNS answers change.
 */
public record WebhookAddresses(boolean allowHttp, boolean allowPrivate) {

    public static final int MAX_LENGTH = 2048;

    /** A URL refused, with a stable code for the 400 answer. */
    public static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Checks a URL and resolves its host.
     *
     * @throws Refused {@code WEBHOOK_URL_INVALID}, {@code WEBHOOK_URL_NOT_HTTPS}, {@code WEBHOOK_URL_HOST_UNKNOWN}
     *     or {@code WEBHOOK_URL_ADDRESS_FORBIDDEN}
     */
    public URI check(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused("WEBHOOK_URL_NOT_HTTPS", "url must use https" + (allowHttp ? " or http" : ""));
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("WEBHOOK_URL_HOST_UNKNOWN", "url's host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new Refused(
                        "WEBHOOK_URL_ADDRESS_FORBIDDEN",
                        "url's host " + uri.getHost() + " resolves to " + address.getHostAddress()
                                + ", a loopback, link-local, private or multicast address");
            }
        }
        return uri;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw new Refused("WEBHOOK_URL_INVALID", "url must be 1 to " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("WEBHOOK_URL_INVALID", "url is not a valid URI: " + e.getReason());
        }
        if (!uri.isAbsolute()
                || uri.isOpaque()
                || uri.getHost() == null
                || uri.getHost().isEmpty()) {
            throw new Refused(
                    "WEBHOOK_URL_INVALID", "url must be absolute with a host, like https://shop.example/hooks");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("WEBHOOK_URL_INVALID", "url must not carry user info or a fragment");
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean carrierNat = first == 100 && (second & 0xc0) == 64;
        boolean thisNetwork = first == 0;
        boolean reserved = first >= 240;
        return !carrierNat && !thisNetwork && !reserved;
    }
}
