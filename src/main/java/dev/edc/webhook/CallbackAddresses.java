package dev.edc.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which callback URLs EDC may call: http or https, and a host whose every address (as resolved now,
 * not as named: a name can resolve to 127.0.0.1) is outside loopback, private, link-local,
 * carrier-grade NAT, unique-local and multicast ranges, unless private addresses are allowed.
 */
final class CallbackAddresses {

    private CallbackAddresses() {}

    /** Why the URL may not be called, if it may not. */
    static Optional<String> problem(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("callbackUrl is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("callbackUrl must be an http or https URL.");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("callbackUrl must name a host (and no user or password).");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInside(address)) {
                    return Optional.of(
                            "callbackUrl's host " + uri.getHost() + " resolves to " + address.getHostAddress()
                                    + ", an address inside (loopback, private or link-local): this server does not call those.");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("callbackUrl's host " + uri.getHost() + " does not resolve.");
        }
        return Optional.empty();
    }

    static boolean isInside(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) == 0xFC // fc00::/7, unique local
                    || isMappedInside(bytes);
        }
        return (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64 // 100.64.0.0/10, carrier-grade NAT
                || (bytes[0] & 0xFF) == 0; // 0.0.0.0/8
    }

    /** An IPv4 address written as IPv6 (::ffff:a.b.c.d) is what it maps. */
    private static boolean isMappedInside(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        if ((bytes[10] & 0xFF) != 0xFF || (bytes[11] & 0xFF) != 0xFF) {
            return false;
        }
        try {
            return isInside(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
