package com.amba.payments.domain.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go (SPEC §12). In production: {@code https://} only, and never to an address that is not on
 * the public internet (loopback, link-local with the cloud metadata address, private, carrier-grade NAT, unique
 * local, multicast, unspecified), checked on the addresses a name resolves to at delivery time. Dev mode also
 * allows {@code http://} and any address, so a person can point it at localhost.
 */
public record DestinationRules(boolean production) {

    public static final int LONGEST_URL = 2048;

    /** The URL a project registers; refused with a message naming the rule. */
    public Result<URI, PaymentError> checkUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return refuse("url is not a valid URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (text.length() > LONGEST_URL) {
            return refuse("url must be at most " + LONGEST_URL + " characters");
        }
        if (production && !scheme.equals("https")) {
            return refuse("url must be an https:// URL");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return refuse("url must be an https:// (or, in dev mode, http://) URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return refuse("url must name a host");
        }
        if (url.getRawUserInfo() != null) {
            return refuse("url must not carry credentials");
        }
        if (url.getRawFragment() != null) {
            return refuse("url must not have a #fragment");
        }
        if (production && literalAddress(url.getHost()).filter(address -> !isPublic(address)).isPresent()) {
            return refuse("url must not point at a loopback, link-local or private address");
        }
        if (production && url.getHost().toLowerCase(Locale.ROOT).equals("localhost")) {
            return refuse("url must not point at localhost");
        }
        return Result.ok(url);
    }

    /** Why a delivery to {@code url}, resolved to {@code addresses}, must not be sent; empty when it may. */
    public Optional<String> refusal(URI url, List<InetAddress> addresses) {
        if (!production) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return Optional.of("production delivers to https:// URLs only");
        }
        if (addresses.isEmpty()) {
            return Optional.of(url.getHost() + " resolves to no address");
        }
        return addresses.stream().filter(address -> !isPublic(address)).findFirst()
                .map(address -> url.getHost() + " resolves to " + address.getHostAddress()
                        + ", which is not a public address");
    }

    /** On the public internet: none of the special-purpose ranges SSRF protection must keep away from. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128)   // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)     // IETF 192.0.0/24
                    && !(first == 198 && (second == 18 || second == 19))             // benchmarking 198.18/15
                    && first < 240;                                                   // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false;                                                         // unique local fc00::/7
            }
            if (isMappedIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (java.net.UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    /** The host as an address when it is written as one (no lookup is made). */
    private static Optional<InetAddress> literalAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean looksLiteral = bare.matches("[0-9.]+") || bare.contains(":");
        if (!looksLiteral) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Result<URI, PaymentError> refuse(String message) {
        return Result.err(new PaymentError.InvalidBody(message));
    }
}
